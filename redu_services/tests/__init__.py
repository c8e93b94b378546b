# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import (
    test_checklist_guard,
    test_finance_entities,
    test_gate_result,
    test_i18n,
    test_partner,
    test_partner_revenue_level,
    test_process,
    test_process_chatter,
    test_response_time_month_report,
    test_roles,
    test_revenue,
    test_revenue_scope,
    test_security,
    test_stage_gates,
    test_ui,
    test_views,
)

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import (
    account_move,
    redu_service,
    redu_service_category,
    redu_service_checklist_template,
    redu_service_checklist_template_line,
    redu_service_process,
    redu_service_process_dashboard,
    redu_service_process_checklist_line,
    redu_service_process_member,
    redu_service_stage,
    redu_service_stage_gate,
    res_company,
    res_config_settings,
    res_partner,
    res_users,
    sale_order,
)

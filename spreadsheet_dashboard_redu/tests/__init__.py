# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import (
    test_dashboard_feedback,
    test_dashboard_figures,
    test_dashboard_partners,
    test_dashboard_processes,
    test_dashboard_revenue,
    test_dashboard_translation,
    test_scope_notice,
    test_ui,
)

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import redu_contact_issue, redu_feedback_dashboard, redu_workplace_agreement, res_config_settings, res_partner

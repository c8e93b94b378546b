# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# isort: off
# the abstract model first: the study-data models inherit it
from . import redu_agreement_study_data_mixin

# isort: on
from . import (
    redu_agreement_interruption,
    redu_contact_issue,
    redu_feedback_dashboard,
    redu_study_right_period,
    redu_workplace_agreement,
    redu_workplace_agreement_retention,
    res_company,
    res_config_settings,
    res_partner,
)

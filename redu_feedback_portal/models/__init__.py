from . import redu_contact_issue
from . import redu_instructor_confirmation
from . import redu_instructor_confirmation_dashboard
from . import redu_workplace_agreement
from . import res_config_settings
from . import res_partner
from . import res_users
from . import sms_sms

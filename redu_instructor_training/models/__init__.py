from . import event_event
from . import event_registration
from . import redu_instructor_confirmation
from . import redu_workplace_agreement
from . import res_config_settings
from . import res_partner

from . import redu_confirmation_send_wizard
from . import redu_confirmation_send_wizard_line
from . import redu_contact_fix_wizard

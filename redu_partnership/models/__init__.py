# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# The mixin first: the models below inherit from it.
from . import redu_display_name_cache_mixin

# isort: split
from . import (
    mail_activity,
    redu_contact_role,
    redu_cooperation_form,
    redu_partnership_level,
    redu_partnership_level_history,
    res_company,
    res_partner,
)

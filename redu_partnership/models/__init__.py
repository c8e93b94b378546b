# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import (
    mail_activity,
    redu_contact_role,
    redu_cooperation_form,
    redu_partnership_level,
    redu_partnership_level_history,
    res_partner,
)

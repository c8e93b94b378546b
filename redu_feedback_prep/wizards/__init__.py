# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import (
    base_partner_merge_automatic_wizard,
    redu_agreement_import_result,
    redu_agreement_import_wizard,
    redu_contact_fix_wizard,
    redu_contact_fix_wizard_line,
    redu_transfer_export_wizard,
)

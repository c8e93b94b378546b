# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

# editing these partner fields revalidates the open agreements of the partner
CONTACT_FIELDS = frozenset({"name", "email", "phone", "company_registry", "parent_id", "is_company"})


class ResPartner(models.Model):
    _inherit = "res.partner"

    def write(self, vals):
        if self.env.context.get("redu_skip_validation") or not CONTACT_FIELDS.intersection(vals):
            return super().write(vals)
        # The partner may be edited by someone who cannot read workplace agreements
        # (a sales user); the agreements concerned must be revalidated all the same.
        agreement_model = self.env["redu.workplace.agreement"].sudo().with_context(active_test=False)
        agreements = agreement_model.search(
            agreement_model._open_domain()
            + [
                "|",
                ("instructor_id", "in", self.ids),
                ("employer_id", "in", self.ids),
            ]
        )
        old_bundles = agreements._national_bundles()
        result = super().write(vals)
        if agreements:
            agreements._validate_contacts(extra_bundles=old_bundles)
        return result

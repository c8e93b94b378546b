# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

# the partner fields the national validation reads (the commercial partner follows parent_id and
# is_company): a change of one revalidates the open agreements of the partner
CONTACT_FIELDS = frozenset({"name", "email", "phone", "company_registry", "parent_id", "is_company"})
# a change of these moves the commercial partner of the partner's contacts too
HIERARCHY_FIELDS = frozenset({"parent_id", "is_company"})


class ResPartner(models.Model):
    _inherit = "res.partner"

    def write(self, vals):
        changed, names = self._redu_contact_changes(vals)
        if not changed:
            return super().write(vals)
        # The partner may be edited by someone who cannot read workplace agreements
        # (a sales user); the agreements concerned must be revalidated all the same.
        agreement_model = self.env["redu.workplace.agreement"].sudo().with_context(active_test=False)
        partner_op = "child_of" if names & HIERARCHY_FIELDS else "in"
        agreements = agreement_model.search(
            agreement_model._open_domain()
            + [
                "|",
                ("instructor_id", partner_op, changed.ids),
                ("employer_id", partner_op, changed.ids),
            ]
        )
        if not agreements:
            return super().write(vals)
        old_bundles = agreements._national_bundles()
        result = super().write(vals)
        # at once, or with the rest of the operation (an agreement form, the fix wizard, an import)
        agreements._revalidate(old_bundles)
        return result

    def _redu_contact_changes(self, vals):
        """The partners of ``self`` whose validated fields ``vals`` changes, and the names of these fields."""
        names = CONTACT_FIELDS.intersection(vals)
        changed = self.browse()
        changed_names = set()
        for name in names:
            field = self._fields[name]
            for partner in self:
                new = field.convert_to_record(field.convert_to_cache(vals[name], partner), partner)
                if new != partner[name]:
                    changed |= partner
                    changed_names.add(name)
        return changed, changed_names

# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ReduCompanyCheckMixin(models.AbstractModel):
    """Records under a group-entity record rule, judged as a write leaves them.

    Odoo checks the record rules of ``write`` on the records as they were before the write (and
    those of ``create`` after it): a user could move a record of an entity they are allowed in to
    one they are not, by its ``company_id`` or by a field from which the entity is computed or
    related (a process's service, a checklist line's process). After such a write the record rules
    are checked again on the records as written; a refusal rolls the write back. The company
    consistency of the linked records is Odoo's own ``_check_company_auto``/``check_company``.
    """

    _name = "redu.company.check.mixin"
    _description = "Group entity checked after a write"

    @api.model
    def _redu_company_fields(self):
        """Fields whose change may move the record to another entity; extend with super()."""
        return frozenset({"company_id"})

    def write(self, vals):
        if self.env.su or not self._redu_company_fields().intersection(vals):
            return super().write(vals)
        with self.env.cr.savepoint():
            result = super().write(vals)
            if self._check_company_auto:
                # every check_company field (also one2many ones) against the entity as written,
                # not only the fields of the write: a computed or related entity moved with it
                self._check_company()
            self.check_access("write")
        return result

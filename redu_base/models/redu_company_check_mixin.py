# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ReduCompanyCheckMixin(models.AbstractModel):
    """Records under a group-entity record rule, judged as a write leaves them.

    Odoo checks the record rules of ``write`` on the records as they were before the write (and
    those of ``create`` after it): a user could move a record of an entity they are allowed in to
    one they are not, by its ``company_id`` or by a field from which the entity is computed or
    related (a process's service, a checklist line's process).

    A move is judged by the constraint that Odoo's ``write`` runs after the write for the models
    with ``_check_company_auto``: ``_check_company``. When the write touches a field of
    ``_redu_company_fields``, every ``check_company`` field is checked against the entity as
    written (a computed or related entity moved with it, not only the fields of the write), and
    the record rules of ``write`` are checked again on the records as written. A refusal raises
    out of the write and the request is rolled back: there is no savepoint in ``write``.

    The check is not an ``@api.constrains`` method: Odoo runs those in sudo, where the caller's
    record rules cannot be told from the superuser's, nor a user's call from the system's own
    ``sudo()``.
    """

    _name = "redu.company.check.mixin"
    _description = "Group entity checked after a write"
    _check_company_auto = True

    @api.model
    def _redu_company_fields(self):
        """Fields whose change may move the record to another entity; extend with super()."""
        return frozenset({"company_id"})

    def _check_company(self, fnames=None):
        if fnames is None or self._redu_company_fields().isdisjoint(fnames):
            return super()._check_company(fnames)
        # a move: every check_company field against the entity as written, then the record rules
        super()._check_company()
        if not self.env.su:
            self._redu_check_entity_access()
        return None

    def _redu_check_entity_access(self):
        """Refuse (AccessError) records that the user may not write as they are now."""
        # the record rules are read from the database: the write is flushed first
        self.flush_recordset()
        self.check_access("write")

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
        moved = fnames is not None and not self._redu_company_fields().isdisjoint(fnames)
        if moved:
            fnames = None  # a move: every check_company field against the entity as written
        suspects = self._redu_company_check_suspects(fnames)
        # Odoo's own check on them: its refusal and its message
        result = super(ReduCompanyCheckMixin, suspects)._check_company(fnames) if suspects else None
        # then the record rules on the records as written
        if moved and not self.env.su:
            self._redu_check_entity_access()
        return result

    def _redu_company_check_suspects(self, fnames=None):
        """The records on which Odoo's ``_check_company`` must run: none when they all pass it.

        Odoo checks record by record; here the records are grouped by their companies, and the values of
        a field in a group are filtered with the group's domain at once (creating 20,000 agreements
        filtered their partners 40,000 times). The filter judges each value by itself, so the union passes
        exactly when every record's values pass. When a value is refused, the records of the group that
        hold it are the suspects, in their order (Odoo's message lists the first five). What is not
        batched as Odoo does it (company-dependent fields, a model without a company field, res.company)
        is all suspect.
        """
        names = self._fields if fnames is None or {"company_id", "company_ids"} & set(fnames) else fnames
        checked = [self._fields[name] for name in names]
        checked = [field for field in checked if field.relational and field.check_company]
        if not checked:
            return self.browse()
        company_field = next((name for name in ("company_id", "company_ids") if name in self), None)
        if (
            len(self) < 2
            or self._name == "res.company"
            or not company_field  # Odoo's warning that it skips the check
            or any(field.company_dependent for field in checked)
        ):
            return self
        suspects = set()
        # a set of companies in any order is one group: its domain is the same
        for companies, records in self.grouped(company_field).items():
            # Odoo reads the values in sudo and filters them with the inactive records included
            values = records.sudo()
            for field in checked:
                corecords = values.mapped(field.name)
                if not corecords:
                    continue
                domain = corecords._check_company_domain(companies)
                if not domain:
                    continue
                accepted = corecords.with_context(active_test=False).filtered_domain(domain)
                refused = set(corecords._ids).difference(accepted._ids)
                if refused:
                    suspects.update(record.id for record in values if not refused.isdisjoint(record[field.name]._ids))
        return self.browse(id_ for id_ in self._ids if id_ in suspects)

    def _redu_check_entity_access(self):
        """Refuse (AccessError) records that the user may not write as they are now."""
        # the record rules are read from the database: the write is flushed first
        self.flush_recordset()
        self.check_access("write")

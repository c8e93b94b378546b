# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import api, models
from odoo.exceptions import AccessError

_logger = logging.getLogger(__name__)


class ReduSystemFieldsMixin(models.AbstractModel):
    """Fields that only the system writes.

    ``readonly=True`` binds the user interface only: ``write`` and ``create`` over RPC accept any
    field the user may write. A model that inherits this mixin names in
    :meth:`_redu_system_fields` the fields that the system computes or stamps (validation
    outcomes, stamps, counters...): for them the ORM's field access check
    (``_has_field_access``, which ``write``, ``create``, its ``default_*`` context keys and
    ``fields_get`` call) refuses every user but the superuser. The system's own code writes them
    with ``sudo()``. No context key opens them: an RPC caller chooses its context.
    """

    _name = "redu.system.fields.mixin"
    _description = "Fields written by the system only"

    @api.model
    def _redu_system_fields(self):
        """Names of the fields of the model that only the system writes; extend with super()."""
        return frozenset()

    def _has_field_access(self, field, operation):
        if operation == "write" and not self.env.su and field.name in self._redu_system_fields():
            return False
        return super()._has_field_access(field, operation)

    @api.model
    def _check_field_access(self, field, operation):
        if operation == "write" and not self.env.su and field.name in self._redu_system_fields():
            _logger.info("Write of the system field %s.%s refused for uid %s", self._name, field.name, self.env.uid)
            raise AccessError(
                self.env._(
                    "%(field)s (%(model)s) is set by the system: it cannot be written by hand.",
                    field=field._description_string(self.env),
                    model=self.env["ir.model"]._get(self._name).name,
                )
            )
        return super()._check_field_access(field, operation)

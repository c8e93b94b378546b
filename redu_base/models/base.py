# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import copy
import logging

from odoo import api, models
from odoo.exceptions import AccessError

_logger = logging.getLogger(__name__)

# the context key of the SharedDefaults of a batch of creations (Base._redu_shared_defaults)
SHARED_DEFAULTS_KEY = "redu_shared_defaults"


class SharedDefaults:
    """The default values asked by a batch of creations, by environment, model and fields (``Base.default_get``).

    A Python object in the context: an RPC client, which sends JSON, cannot make one."""

    __slots__ = ("values",)

    def __init__(self):
        self.values = {}


class Base(models.AbstractModel):
    """One write guard for every model, read from the field's definition.

    ``readonly=True`` binds the user interface only: ``write`` and ``create`` over RPC accept any
    field the user may write. Two field attributes say who may write a field:

    * ``redu_system=True``: the system computes or stamps it (validation outcomes, stamps,
      counters, stored computes); every user but the superuser is refused, and the system's own
      code writes it with ``sudo()``;
    * ``redu_write_groups="module.group_a,module.group_b"``: users of these groups only (a
      manager's field in a record that team members edit).

    The ORM's own field access check (``_has_field_access``, which ``write``, ``create``, the
    ``default_*`` context keys and ``fields_get`` call) reads them, so forms show the field
    read-only and a forged write is refused with a translated AccessError. Nothing in the context
    opens them: an RPC caller chooses its context.
    """

    _inherit = "base"

    def _valid_field_parameter(self, field, name):
        return name in ("redu_system", "redu_write_groups") or super()._valid_field_parameter(field, name)

    def _redu_write_refused(self, field):
        """Whether the field's ``redu_system``/``redu_write_groups`` refuse the current user a write."""
        if self.env.su:
            return False
        if getattr(field, "redu_system", False):
            return True
        groups = getattr(field, "redu_write_groups", None)
        return bool(groups) and not self.env.user.has_groups(groups)

    def _has_field_access(self, field, operation):
        if operation == "write" and self._redu_write_refused(field):
            return False
        return super()._has_field_access(field, operation)

    @api.model
    def _check_field_access(self, field, operation):
        # core's message speaks of the field's `groups`; these fields are refused for another reason
        if operation == "write" and self._redu_write_refused(field):
            _logger.info("Write of %s.%s refused for uid %s", self._name, field.name, self.env.uid)
            if getattr(field, "redu_system", False):
                message = self.env._(
                    "%(field)s (%(model)s) is set by the system: it cannot be written by hand.",
                    field=field._description_string(self.env),
                    model=self.env["ir.model"]._get(self._name).name,
                )
            else:
                message = self.env._(
                    "Only an administrator of this application can change %(field)s (%(model)s).",
                    field=field._description_string(self.env),
                    model=self.env["ir.model"]._get(self._name).name,
                )
            raise AccessError(message)
        return super()._check_field_access(field, operation)

    @api.model
    def default_get(self, fields):
        # Core asks for the defaults once for each record it creates (models.py _add_missing_default_values),
        # which is a tenth of creating the thousands of partners, agreements and issues of an import. In a batch
        # made by _redu_shared_defaults they are asked once per model and set of fields, and the same values are
        # given to the batch's records. The defaults are asked twice the first time: only defaults that come out
        # the same twice are shared (a token, a sequence number or a timestamp drawn for each record is not).
        shared = self.env.context.get(SHARED_DEFAULTS_KEY)
        if not isinstance(shared, SharedDefaults):
            return super().default_get(fields)
        key = (self.env, self._name, tuple(fields))
        if key not in shared.values:
            first, second = super().default_get(fields), super().default_get(fields)
            shared.values[key] = second if first == second else None
            return first
        values = shared.values[key]
        if values is None:
            return super().default_get(fields)
        # the caller completes the dict it gets with the record's values: a copy each time
        return {
            name: copy.deepcopy(value) if isinstance(value, (list, dict)) else value for name, value in values.items()
        }

    def _redu_shared_defaults(self):
        """``self`` in a batch of creations whose records share their default values (see ``default_get``):
        one batch for one call of ``create``, not longer (a default may change between two calls)."""
        return self.with_context(**{SHARED_DEFAULTS_KEY: SharedDefaults()})

    @api.model
    def _redu_system_field_names(self):
        """The names of the model's fields that only the system writes."""
        return [name for name, field in self._fields.items() if getattr(field, "redu_system", False)]

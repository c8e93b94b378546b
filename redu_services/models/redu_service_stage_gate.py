# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ReduServiceStageGate(models.Model):
    """A condition that a service process must meet to enter a stage.

    Each gate is a record with a ``code``; the rule is the method ``_gate_<code>`` of
    ``redu.service.process``, which returns what is missing (or nothing). Adding a gate is one
    such method and one data record; the stages that need it list it in their gates.
    """

    _name = "redu.service.stage.gate"
    _description = "Service process stage gate"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical code: the rule is the method _gate_<code> of the service process.",
    )
    sequence = fields.Integer(default=10, help="Order of the missing items in the message of a refused move.")
    forward_only = fields.Boolean(
        string="Only when moving forward",
        help="Checked only when a process moves to a later stage (or is created in this stage), "
        "not when it moves back.",
    )
    description = fields.Text(translate=True)

    _code_unique = models.Constraint("UNIQUE(code)", "The code of a stage gate must be unique.")

    @api.constrains("code")
    def _check_code_has_rule(self):
        Process = self.env["redu.service.process"]
        for gate in self:
            if not callable(getattr(Process, f"_gate_{gate.code}", None)):
                raise ValidationError(
                    self.env._(
                        "The stage gate %(gate)s has no rule: the service process has no method _gate_%(code)s.",
                        gate=gate.name,
                        code=gate.code,
                    )
                )

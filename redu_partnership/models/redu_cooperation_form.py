# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

AXIS_MIN = 0
AXIS_MAX = 10
# A value at or above the threshold is "high" on an axis of the quadrant.
AXIS_THRESHOLD = 5

COOPERATION_TYPES = [
    ("training", "Training cooperation"),
    ("developer", "Developer cooperation"),
    ("strategic", "Strategic cooperation"),
    ("occasional", "Occasional cooperation"),
]


def cooperation_type_from_axes(sharing, renewal):
    """Place a point of the two axes in the cooperation quadrant.

    ``training`` when knowledge sharing is high and renewal low, ``developer``
    when renewal is high and sharing low, ``strategic`` when both are high,
    ``occasional`` when both are low. "High" means at least ``AXIS_THRESHOLD``.
    """
    high_sharing = (sharing or 0) >= AXIS_THRESHOLD
    high_renewal = (renewal or 0) >= AXIS_THRESHOLD
    if high_sharing and high_renewal:
        return "strategic"
    if high_sharing:
        return "training"
    if high_renewal:
        return "developer"
    return "occasional"


class ReduCooperationForm(models.Model):
    """A form of working-life cooperation placed on the two axes of the quadrant."""

    _name = "redu.cooperation.form"
    _description = "Cooperation form"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    knowledge_sharing = fields.Integer(
        string="Knowledge sharing",
        default=0,
        required=True,
        help="How much the cooperation shares knowledge, from 0 (not at all) to 10 (very much).",
    )
    knowledge_renewal = fields.Integer(
        string="Knowledge renewal",
        default=0,
        required=True,
        help="How much the cooperation renews knowledge, from 0 (not at all) to 10 (very much).",
    )
    cooperation_type = fields.Selection(
        COOPERATION_TYPES,
        string="Cooperation type",
        compute="_compute_cooperation_type",
        store=True,
        help="Quadrant of the form: both axes at 5 or more is strategic cooperation, "
        "only sharing high is training cooperation, only renewal high is developer "
        "cooperation, both low is occasional cooperation.",
    )
    active = fields.Boolean(default=True)

    @api.depends("knowledge_sharing", "knowledge_renewal")
    def _compute_cooperation_type(self):
        for form in self:
            form.cooperation_type = cooperation_type_from_axes(form.knowledge_sharing, form.knowledge_renewal)

    @api.constrains("knowledge_sharing", "knowledge_renewal")
    def _check_axes_range(self):
        for form in self:
            for fname in ("knowledge_sharing", "knowledge_renewal"):
                if not AXIS_MIN <= form[fname] <= AXIS_MAX:
                    raise ValidationError(
                        self.env._(
                            "%(axis)s of the cooperation form %(form)s must be between %(min)s and %(max)s, "
                            "not %(value)s.",
                            axis=self._fields[fname]._description_string(self.env),
                            form=form.name,
                            min=AXIS_MIN,
                            max=AXIS_MAX,
                            value=form[fname],
                        )
                    )

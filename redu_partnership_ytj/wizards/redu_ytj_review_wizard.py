# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..models.res_partner import YTJ_PARTNER_FIELDS


class ReduYtjReviewWizard(models.TransientModel):
    """The fields of a partner that differ from the business register: the user ticks the ones to
    take; nothing is written without this confirmation."""

    _name = "redu.ytj.review.wizard"
    _description = "Review of business register changes"

    partner_id = fields.Many2one("res.partner", required=True, readonly=True, ondelete="cascade")
    line_ids = fields.One2many("redu.ytj.review.line", "wizard_id", string="Changes")

    @api.model
    def _open_for(self, partner, changes):
        """The review dialog of ``partner`` for ``changes`` ({field: register value})."""
        wizard = self.create(
            {
                "partner_id": partner.id,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "field_name": fname,
                            "field_label": partner._fields[fname].get_description(self.env)["string"],
                            "current_value": partner[fname] or "",
                            "register_value": value,
                        },
                    )
                    for fname, value in changes.items()
                ],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Changes in the business register"),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_apply(self):
        """Write the ticked register values on the partner."""
        self.ensure_one()
        values = {
            line.field_name: line.register_value
            for line in self.line_ids
            if line.apply and line.field_name in YTJ_PARTNER_FIELDS
        }
        if values:
            self.partner_id.write(values)
        return {"type": "ir.actions.act_window_close"}


class ReduYtjReviewLine(models.TransientModel):
    _name = "redu.ytj.review.line"
    _description = "Business register change"

    wizard_id = fields.Many2one("redu.ytj.review.wizard", required=True, ondelete="cascade")
    field_name = fields.Char(required=True, readonly=True)
    field_label = fields.Char(string="Field", readonly=True)
    current_value = fields.Char(string="On the partner", readonly=True)
    register_value = fields.Char(string="In the register", readonly=True)
    apply = fields.Boolean(string="Take", help="Tick to replace the partner's value with the register's.")

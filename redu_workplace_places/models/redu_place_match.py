# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReduPlaceMatch(models.TransientModel):
    """A place ranked for a need: the score and its parts, and the confirmation."""

    _name = "redu.place.match"
    _description = "Place ranked for a need"
    _order = "need_id, rank, id"

    need_id = fields.Many2one("redu.placement.need", required=True, ondelete="cascade", index=True)
    place_id = fields.Many2one("redu.workplace.place", required=True, ondelete="cascade")
    instructor_id = fields.Many2one("res.partner", string="Workplace instructor")
    employer_id = fields.Many2one(related="place_id.employer_id")
    municipality_id = fields.Many2one(related="place_id.municipality_id")
    date_start = fields.Date(related="place_id.date_start")
    date_end = fields.Date(related="place_id.date_end")
    rank = fields.Integer()
    score = fields.Float(digits=(5, 1))
    unit_points = fields.Integer(string="Unit", help="40: the unit is taught; 25: any unit; 0: other units only.")
    overlap_percent = fields.Float(string="Period covered (%)", digits=(5, 1))
    distance_km = fields.Float(string="Distance (km)", digits=(6, 1))
    capacity_left = fields.Integer(string="Places left")
    past_agreements = fields.Integer(string="Past agreements")
    training_points = fields.Float(string="Instructor training", digits=(5, 1))
    feedback_points = fields.Float(
        string="Feedback",
        digits=(5, 1),
        help="The employer's working-life feedback: points for good feedback, minus points for poor (0 without).",
    )

    def action_confirm(self):
        """Confirm this place for the need: the agreement is created and shown."""
        self.ensure_one()
        agreement = self.need_id._redu_confirm_place(self.place_id, self.instructor_id)
        self.search([("need_id", "=", self.need_id.id)]).unlink()
        return {
            "type": "ir.actions.act_window",
            "res_model": "redu.workplace.agreement",
            "res_id": agreement.id,
            "view_mode": "form",
            "target": "current",
        }

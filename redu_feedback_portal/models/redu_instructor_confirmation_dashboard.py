# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

ANSWERED_STATES = ("confirmed", "corrected")


class ReduInstructorConfirmation(models.Model):
    _inherit = "redu.instructor.confirmation"

    answered_count = fields.Integer(
        string="Answered",
        compute="_compute_answered",
        store=True,
        aggregator="sum",
        help="1 when the workplace instructor confirmed or corrected their contact details, else 0: summed, "
        "the requests answered.",
        redu_system=True,
    )
    answered_percent = fields.Float(
        string="Answered (%)",
        compute="_compute_answered",
        store=True,
        aggregator="avg",
        help="100 when the workplace instructor confirmed or corrected their contact details, else 0: "
        "averaged over the requests sent, the share answered.",
        redu_system=True,
    )

    @api.depends("state")
    def _compute_answered(self):
        for confirmation in self:
            answered = confirmation.state in ANSWERED_STATES
            confirmation.answered_count = 1 if answered else 0
            confirmation.answered_percent = 100.0 if answered else 0.0

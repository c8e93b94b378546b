# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ReduWorkplaceAgreement(models.Model):
    _inherit = "redu.workplace.agreement"

    arvo_target_ids = fields.One2many("redu.arvo.target", "agreement_id", string="Arvo response codes", readonly=True)
    arvo_feedback_state = fields.Selection(
        [("none", "No response code"), ("unanswered", "Not answered"), ("answered", "Answered")],
        string="Feedback",
        compute="_compute_arvo_feedback_state",
        store=True,
        index=True,
        help="Whether the national working-life feedback of the period was answered, from Arvo's response codes "
        "(a code: the survey reached the workplace instructor).",
        redu_system=True,
    )

    @api.depends("arvo_target_ids.answered")
    def _compute_arvo_feedback_state(self):
        for agreement in self:
            targets = agreement.arvo_target_ids
            if not targets:
                agreement.arvo_feedback_state = "none"
            elif any(targets.mapped("answered")):
                agreement.arvo_feedback_state = "answered"
            else:
                agreement.arvo_feedback_state = "unanswered"

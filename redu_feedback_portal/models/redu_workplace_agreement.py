# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

CONFIRMATION_STATES = [
    ("new", "Not requested"),
    ("requested", "No answer"),
    ("confirmed", "Confirmed"),
    ("corrected", "Corrected"),
]


class ReduWorkplaceAgreement(models.Model):
    _inherit = "redu.workplace.agreement"

    confirmation_state = fields.Selection(
        CONFIRMATION_STATES,
        string="Instructor confirmation",
        compute="_compute_confirmation",
        search="_search_confirmation_state",
        help="Whether the instructor was asked to confirm their contact details via personal link, and the answer.",
    )
    confirmation_request_date = fields.Datetime(string="Confirmation requested on", compute="_compute_confirmation")

    @api.depends("instructor_id")
    def _compute_confirmation(self):
        # sudo: the confirmation of a shared instructor may belong to another entity; its state is no secret
        confirmations = (
            self.env["redu.instructor.confirmation"].sudo().search([("partner_id", "in", self.instructor_id.ids)])
        )
        by_partner = {confirmation.partner_id.id: confirmation for confirmation in confirmations}
        for agreement in self:
            confirmation = by_partner.get(agreement.instructor_id.id)
            agreement.confirmation_state = confirmation.state if confirmation else False
            agreement.confirmation_request_date = confirmation.request_date if confirmation else False

    def _search_confirmation_state(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        return [("instructor_id.redu_confirmation_ids.state", operator, value)]

    def action_open_send_confirmation(self):
        return self.env["redu.confirmation.send.wizard"]._action_open(self)

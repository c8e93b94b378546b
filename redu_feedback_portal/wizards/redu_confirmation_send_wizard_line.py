# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReduConfirmationSendWizardLine(models.TransientModel):
    _name = "redu.confirmation.send.wizard.line"
    _description = "Confirmation request: one instructor"
    _order = "channel desc, id"

    wizard_id = fields.Many2one("redu.confirmation.send.wizard", required=True, ondelete="cascade", index=True)
    confirmation_id = fields.Many2one("redu.instructor.confirmation", required=True, ondelete="cascade")
    partner_id = fields.Many2one(related="confirmation_id.partner_id", string="Workplace instructor")
    email = fields.Char(related="partner_id.email")
    phone = fields.Char(related="partner_id.phone")
    agreement_count = fields.Integer(string="Agreements")
    deadline = fields.Date(related="confirmation_id.deadline")
    channel = fields.Selection(
        [
            ("email_sms", "Email and text message"),
            ("email", "Email only"),
            ("sms", "Text message only"),
            ("call", "Call the instructor"),
            ("today", "Already sent today"),
        ],
        string="Sent by",
        required=True,
    )

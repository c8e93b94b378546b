# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReduContactFixWizardLine(models.TransientModel):
    _name = "redu.contact.fix.wizard.line"
    _description = "Contact to fix"
    _order = "line_type desc, name"

    wizard_id = fields.Many2one("redu.contact.fix.wizard", required=True, ondelete="cascade")
    line_type = fields.Selection(
        [("instructor", "Workplace instructor"), ("employer", "Employer")],
        string="Type",
        required=True,
    )
    partner_id = fields.Many2one("res.partner", string="Contact", required=True, ondelete="cascade")
    name = fields.Char()
    email = fields.Char()
    phone = fields.Char()
    business_id = fields.Char(string="Business ID")
    agreement_count = fields.Integer(string="Agreements")
    issue_summary = fields.Text(string="Open issues")

# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReduAgreementImportResult(models.TransientModel):
    _name = "redu.agreement.import.result"
    _description = "Agreement import: result of one row"
    _order = "row_number"

    wizard_id = fields.Many2one("redu.agreement.import.wizard", required=True, ondelete="cascade")
    row_number = fields.Integer(string="Row")
    source_ref = fields.Char(string="Source ID")
    status = fields.Selection(
        [("created", "Created"), ("updated", "Updated"), ("unchanged", "Unchanged"), ("error", "Error")],
        required=True,
    )
    message = fields.Char(string="Details")
    agreement_id = fields.Many2one("redu.workplace.agreement", ondelete="set null")

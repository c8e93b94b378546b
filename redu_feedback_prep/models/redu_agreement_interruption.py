# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReduAgreementInterruption(models.Model):
    """An interruption of the workplace period (keskeytymisajanjakso) as the HOKS records it."""

    _name = "redu.agreement.interruption"
    _inherit = ["redu.agreement.study.data.mixin"]
    _description = "Workplace period interruption"
    _order = "agreement_id, start_date"

    start_date = fields.Date(string="Start date", required=True)
    end_date = fields.Date(string="End date", help="Leave empty while the interruption goes on.")

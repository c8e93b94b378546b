# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReduWorkplaceAgreement(models.Model):
    _inherit = "redu.workplace.agreement"

    service_process_id = fields.Many2one(
        "redu.service.process",
        string="Service process",
        index="btree_not_null",
        check_company=True,
    )

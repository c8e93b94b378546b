# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    redu_provider_oid = fields.Char(
        string="Education provider OID",
        help="The OID of the education provider (koulutustoimija) in the national registers, e.g. "
        "1.2.246.562.10.12345678901; part of the key of the working-life feedback bundles.",
    )

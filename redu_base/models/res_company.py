# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    is_redu_group_entity = fields.Boolean(
        string="REDU group entity",
        help="The company is one of the entities of the REDU group (konserni) that cooperate "
        "with working-life partners.",
    )
    redu_funding_model = fields.Selection(
        [("public", "Publicly funded"), ("paid", "Paid services")],
        string="Funding model",
        help="Publicly funded entities provide degree education or further training funded by the "
        "state; paid-service entities sell their services to companies and people.",
    )

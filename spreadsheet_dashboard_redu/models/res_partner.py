# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    partnership_level_percent = fields.Float(
        string="Level set (%)",
        compute="_compute_partnership_level_percent",
        store=True,
        aggregator="avg",
        groups="redu_partnership.group_partnership_user",
        help="100 when the partner has a partnership level, else 0: averaged, the share of partners with a level "
        "(binding goal 2).",
        redu_system=True,
    )

    @api.depends("partnership_level_id")
    def _compute_partnership_level_percent(self):
        for partner in self:
            partner.partnership_level_percent = 100.0 if partner.partnership_level_id else 0.0

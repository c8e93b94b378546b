# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    redu_revenue_threshold_a = fields.Float(
        string="Revenue Threshold for Level A",
        config_parameter="redu_services.revenue_threshold_a",
        default=50000.0,
        help="Invoiced revenue in the last 12 months from which level A is suggested.",
    )
    redu_revenue_threshold_b = fields.Float(
        string="Revenue Threshold for Level B",
        config_parameter="redu_services.revenue_threshold_b",
        default=10000.0,
        help="Invoiced revenue in the last 12 months from which level B is suggested.",
    )
    redu_revenue_threshold_c = fields.Float(
        string="Revenue Threshold for Level C",
        config_parameter="redu_services.revenue_threshold_c",
        default=1000.0,
        help="Invoiced revenue in the last 12 months from which level C is suggested.",
    )

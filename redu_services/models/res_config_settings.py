# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # The revenue thresholds of the suggested partnership level: one setting per level code, kept
    # in a system parameter, with its default. _get_redu_revenue_thresholds reads them.
    redu_revenue_threshold_a = fields.Float(
        string="Revenue threshold for level A",
        config_parameter="redu_services.revenue_threshold_a",
        default=50000.0,
        help="Invoiced revenue in the last 12 months from which level A is suggested.",
    )
    redu_revenue_threshold_b = fields.Float(
        string="Revenue threshold for level B",
        config_parameter="redu_services.revenue_threshold_b",
        default=10000.0,
        help="Invoiced revenue in the last 12 months from which level B is suggested.",
    )
    redu_revenue_threshold_c = fields.Float(
        string="Revenue threshold for level C",
        config_parameter="redu_services.revenue_threshold_c",
        default=1000.0,
        help="Invoiced revenue in the last 12 months from which level C is suggested.",
    )

    @api.model
    def _get_redu_revenue_thresholds(self):
        """{partnership level code: revenue threshold} from the settings above: the system
        parameter of each, or the setting's default where it is unset or not a number."""
        # sudo: the thresholds drive the suggested level that every partnership user sees
        params = self.env["ir.config_parameter"].sudo()
        thresholds = {}
        for code in ("A", "B", "C"):
            field = self._fields[f"redu_revenue_threshold_{code.lower()}"]
            default = field.default(self)
            try:
                thresholds[code] = float(params.get_param(field.config_parameter) or default)
            except ValueError:
                thresholds[code] = default
        return thresholds

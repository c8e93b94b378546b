# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .res_partner import DEFAULT_BATCH_SIZE, DEFAULT_RATE, PARAM_BATCH_SIZE, PARAM_NETWORK, PARAM_RATE


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    redu_ytj_network_enabled = fields.Boolean(
        string="Business register lookup",
        config_parameter=PARAM_NETWORK,
        help="Let Odoo call the open data API of the Finnish business register (YTJ, PRH). Off: "
        "the fetch button, the lookup on Y-tunnus entry and the weekly refresh do nothing.",
    )
    redu_ytj_refresh_batch_size = fields.Integer(
        string="Partners per refresh",
        config_parameter=PARAM_BATCH_SIZE,
        default=DEFAULT_BATCH_SIZE,
    )
    redu_ytj_requests_per_minute = fields.Integer(
        string="Requests per minute",
        config_parameter=PARAM_RATE,
        default=DEFAULT_RATE,
    )

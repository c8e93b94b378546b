# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .redu_service_web_inquiry import DEFAULT_DUPLICATE_MINUTES, DEFAULT_MAX_ATTEMPTS, DEFAULT_WINDOW_MINUTES


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    redu_inquiry_max_attempts = fields.Integer(
        string="Inquiries per address",
        config_parameter="redu_services_website.inquiry_max_attempts",
        default=DEFAULT_MAX_ATTEMPTS,
        help="Posts of the inquiry form accepted from one IP address in the window; failed posts count too.",
    )
    redu_inquiry_window_minutes = fields.Integer(
        string="Inquiry window (minutes)",
        config_parameter="redu_services_website.inquiry_window_minutes",
        default=DEFAULT_WINDOW_MINUTES,
    )
    redu_inquiry_duplicate_minutes = fields.Integer(
        string="Same inquiry again within (minutes)",
        config_parameter="redu_services_website.inquiry_duplicate_minutes",
        default=DEFAULT_DUPLICATE_MINUTES,
        help="The same inquiry sent again within this time opens nothing more.",
    )

# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    redu_portal_reminder_days = fields.Integer(
        string="Reminder after (days)",
        config_parameter="redu_feedback_portal.reminder_days",
        default=5,
        help="Days without an answer after which the instructor gets a reminder (at most two, never after the "
        "fix deadline).",
    )
    redu_portal_digest_weekday = fields.Selection(
        WEEKDAYS,
        string="Digest weekday",
        config_parameter="redu_feedback_portal.digest_weekday",
        default="0",
        help="The weekday on which each teacher gets the digest of their blocked and warned agreements.",
    )
    redu_portal_rate_window_minutes = fields.Integer(
        string="Rate limit window (minutes)",
        config_parameter="redu_feedback_portal.rate_window_minutes",
        default=10,
    )
    redu_portal_rate_max_per_token = fields.Integer(
        string="Form posts per link",
        config_parameter="redu_feedback_portal.rate_max_per_token",
        default=10,
        help="Form posts allowed per personal link within the window.",
    )
    redu_portal_rate_max_per_ip = fields.Integer(
        string="Form posts per address",
        config_parameter="redu_feedback_portal.rate_max_per_ip",
        default=30,
        help="Form posts allowed per IP address within the window.",
    )

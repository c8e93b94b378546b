# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    redu_feedback_retention_years = fields.Integer(
        string="Student data retention (years)",
        config_parameter="redu_feedback_prep.retention_years",
        default=3,
        help="Years after the end of the workplace period after which student names are anonymised.",
    )

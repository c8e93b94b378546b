# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .res_partner import DEFAULT_VALIDITY_YEARS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    redu_training_validity_years = fields.Integer(
        string="Instructor training valid for (years)",
        config_parameter="redu_instructor_training.validity_years",
        default=DEFAULT_VALIDITY_YEARS,
        help="An instructor's training is valid this many years after the session attended.",
    )

    def set_values(self):
        before = self.env["res.partner"]._redu_validity_years()
        result = super().set_values()
        if self.env["res.partner"]._redu_validity_years() != before:
            self.env["res.partner"]._redu_recompute_training_validity()
        return result

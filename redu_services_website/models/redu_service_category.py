# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ReduServiceCategory(models.Model):
    _inherit = "redu.service.category"

    # the cached public pages show the categories: a change is a new version of them (redu.service)
    @api.model_create_multi
    def create(self, vals_list):
        self.env["redu.service"]._redu_web_changed()
        return super().create(vals_list)

    def write(self, vals):
        if vals:
            self.env["redu.service"]._redu_web_changed()
        return super().write(vals)

    def unlink(self):
        self.env["redu.service"]._redu_web_changed()
        return super().unlink()

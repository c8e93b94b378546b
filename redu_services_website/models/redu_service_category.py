# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ReduServiceCategory(models.Model):
    _inherit = "redu.service.category"

    # the cached catalogue and service pages show the categories (redu.service)
    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()

    def _update_field_translations(self, field_name, translations, digest=None, source_lang=""):
        self.env.registry.clear_cache()
        return super()._update_field_translations(field_name, translations, digest, source_lang=source_lang)

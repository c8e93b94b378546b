# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models, tools


class ReduDisplayNameCacheMixin(models.AbstractModel):
    """Display names of a small configuration table, kept in the registry cache.

    Partnership levels and cooperation forms are shown on every partner of the
    Contacts list and form. Caching their display names per language (a handful
    of records) saves the query that reading them would cost on every partner
    list and form, so that the addon does not slow down Contacts. The cache is
    cleared on every create, write, unlink and translation update (and Odoo
    clears it when it loads translations).
    """

    _name = "redu.display.name.cache.mixin"
    _description = "Cached Display Names"

    def _build_display_name(self):
        """Display name of one record from its fields; override in the models."""
        self.ensure_one()
        return self[self._rec_name] or ""

    @api.model
    @tools.ormcache("self._name", "self.env.lang")
    def _get_cached_display_names(self):
        # sudo: one cache for every user (keyed by language only); names are not restricted data
        records = self.sudo().with_context(active_test=False).search([])
        return {record.id: record._build_display_name() for record in records}

    @api.depends_context("lang")
    def _compute_display_name(self):
        names = self._get_cached_display_names()
        for record in self:
            name = names.get(record.id) if isinstance(record.id, int) else None
            record.display_name = name if name is not None else record._build_display_name()

    def _clear_display_name_cache(self):
        self.env.registry.clear_cache()
        self.invalidate_model(["display_name"])

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self._clear_display_name_cache()
        return records

    def write(self, vals):
        result = super().write(vals)
        self._clear_display_name_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self._clear_display_name_cache()
        return result

    def _update_field_translations(self, field_name, translations, digest=None, source_lang=""):
        result = super()._update_field_translations(field_name, translations, digest=digest, source_lang=source_lang)
        self._clear_display_name_cache()
        return result

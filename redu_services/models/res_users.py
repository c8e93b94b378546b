# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _redu_default_active_company_ids(self):
        """The companies a user's web client starts with: for the finance group, the main company and
        every other group entity the user may open; for everyone else the main company (Odoo's default).
        """
        self.ensure_one()
        if not self.has_group("redu_services.group_service_finance"):
            return [self.company_id.id]
        entities = self.company_ids.filtered("is_redu_group_entity") - self.company_id
        return [self.company_id.id, *sorted(entities.ids)]

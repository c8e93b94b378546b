# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, models


class ReduServiceRevenueReport(models.Model):
    _inherit = "redu.service.revenue.report"

    @api.model
    def get_empty_list_help(self, help_message):
        """An empty analysis says when the active companies leave group entities out: the revenue may be there."""
        help_message = super().get_empty_list_help(help_message)
        Company = self.env["res.company"]
        allowed, active = Company._redu_scope_entities()
        if active == allowed:
            return help_message
        notice = Markup('<p class="alert alert-warning" role="alert">%s</p>') % Company._redu_scope_notice()
        return notice + Markup(help_message or "")

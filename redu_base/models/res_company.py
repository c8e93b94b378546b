# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    is_redu_group_entity = fields.Boolean(
        string="REDU group entity",
        help="The company is one of the entities of the REDU group (konserni) that cooperate "
        "with working-life partners.",
    )
    redu_funding_model = fields.Selection(
        [("public", "Publicly funded"), ("paid", "Paid services")],
        string="Funding model",
        help="Publicly funded entities provide degree education or further training funded by the "
        "state; paid-service entities sell their services to companies and people.",
    )
    redu_scope_notice = fields.Char(
        string="Entities included",
        compute="_compute_redu_scope_notice",
        help="How many of the group entities the user may see are active in the company switcher, and how to "
        "include the others: the figures of the dashboards and of the revenue analysis cover the active ones only.",
    )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_redu_scope_notice(self):
        notice = self._redu_scope_notice()
        for company in self:
            company.redu_scope_notice = notice

    @api.model
    def _redu_scope_entities(self):
        """(group entities the user may see, those of them active in the company switcher)."""
        # env.user is a superuser record: it reads the allowed companies that are not active
        allowed = self.env.user.company_ids.filtered("is_redu_group_entity")
        return allowed, allowed & self.env.companies

    @api.model
    def _redu_scope_notice(self):
        """The notice on the entities that the figures cover, for the current user and active companies."""
        allowed, active = self._redu_scope_entities()
        if active == allowed:
            return self.env._("All %(count)s group entities are included.", count=len(allowed))
        return self.env._(
            "%(active)s of the %(allowed)s group entities you may see are included. To include the others, "
            "tick them in the company switcher at the top right.",
            active=len(active),
            allowed=len(allowed),
        )

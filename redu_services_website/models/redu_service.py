# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReduService(models.Model):
    _name = "redu.service"
    _inherit = ["redu.service", "website.published.mixin", "website.seo.metadata"]

    responsible_user_id = fields.Many2one(
        "res.users",
        string="Responsible user",
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        tracking=True,
        help="Receives the web inquiries about the service. Without one, the intake user of the group entity.",
    )
    typical_duration = fields.Char(
        string="Typical duration",
        translate=True,
        help='Shown on the service page, e.g. "2 days" or "6-12 months".',
    )
    website_summary = fields.Text(
        string="Summary",
        translate=True,
        help="One or two sentences shown in the public catalogue.",
    )

    def _compute_website_url(self):
        result = super()._compute_website_url()
        for service in self:
            if service.id:
                service.website_url = f"/palvelut/{self.env['ir.http']._slug(service)}"
        return result

    def _redu_routed_user(self):
        """Who answers a web inquiry about the service: its responsible user, else the intake user
        of its entity, else the group-level intake user (the website's company), else the entity's
        service manager."""
        self.ensure_one()
        company = self.company_id
        return (
            self.responsible_user_id
            or company.redu_web_intake_user_id
            or self.env["website"].get_current_website().company_id.redu_web_intake_user_id
            or company.redu_service_manager_id
        )

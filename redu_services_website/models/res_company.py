# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    redu_web_intake_user_id = fields.Many2one(
        "res.users",
        string="Intake user",
        domain="[('share', '=', False)]",
        help="Receives the web inquiries of the entity that match no service or whose service "
        "has no responsible user. The intake user of the website's company is the group-level queue.",
    )
    redu_service_manager_id = fields.Many2one(
        "res.users",
        string="Service manager",
        domain="[('share', '=', False)]",
        help="Gets an activity for each service process of the entity that is late for its first response.",
    )
    redu_web_intake_service_id = fields.Many2one(
        "redu.service",
        string="General inquiry service",
        help="The (unpublished) service of the web inquiries that name no service. Created on the first such inquiry.",
    )

    def write(self, vals):
        if "name" in vals:
            # the cached public pages show the entities' names
            self.env["redu.service"]._redu_web_changed()
        return super().write(vals)

    def _redu_get_intake_service(self):
        """The general inquiry service of the entity, created the first time."""
        self.ensure_one()
        if not self.redu_web_intake_service_id:
            # sudo: created on a visitor's inquiry; the service and the setting are the entity's own
            service = (
                self.env["redu.service"]
                .sudo()
                .create(
                    {
                        "name": self.env._("General inquiry"),
                        "category_id": self.env.ref("redu_services_website.service_category_general_inquiry").id,
                        "company_id": self.id,
                        "funding": "public",
                        "is_published": False,
                    }
                )
            )
            self.sudo().redu_web_intake_service_id = service
        return self.redu_web_intake_service_id

# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

import pytz

from odoo import fields, models

DEFAULT_TZ = "Europe/Helsinki"
# the longest response target counted (working days; about a year)
MAX_RESPONSE_DAYS = 260


class ResCompany(models.Model):
    _inherit = "res.company"

    redu_response_days = fields.Integer(
        string="Response target (working days)",
        default=2,
        help="Working days (Monday to Friday) from an inquiry to the first response. Sets the "
        "deadline of the responsible's activity and the late first response filter.",
    )
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

    def _redu_response_due_date(self, start):
        """The date by which an inquiry received at ``start`` (UTC datetime) needs its first response:
        the entity's response target in working days (Saturdays and Sundays skipped), counted from
        the local date of the inquiry."""
        self.ensure_one()
        tz = pytz.timezone(self.partner_id.tz or DEFAULT_TZ)
        # at most a year of working days: the loop stays short and the date in the calendar
        remaining = min(max(self.redu_response_days, 0), MAX_RESPONSE_DAYS)
        try:
            day = pytz.utc.localize(start).astimezone(tz).date()
            while remaining:
                day += timedelta(days=1)
                if day.weekday() < 5:
                    remaining -= 1
            while day.weekday() >= 5:
                day += timedelta(days=1)
        except OverflowError:
            return False  # an inquiry date at the end of the calendar (year 9999) has no due date
        return day

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

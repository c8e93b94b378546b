# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields, models

from odoo.addons.redu_base.tools.dates import redu_today

# the longest response target counted (working days; about a year)
MAX_RESPONSE_DAYS = 260


class ResCompany(models.Model):
    _inherit = "res.company"

    # the entity's promise of a first response to an inquiry (critical point 1): the service processes
    # measure it, the website (redu_services_website) sets the responsible's deadline and escalates by it
    redu_response_days = fields.Integer(
        string="Response target (working days)",
        default=2,
        help="Working days (Monday to Friday) from an inquiry to the first response. Sets the "
        "deadline of the responsible's activity and the late first response filter.",
    )

    def _redu_local_date(self, moment):
        """The Finnish date of ``moment`` (a UTC datetime): the one clock of REDU's rules (redu_base)."""
        return redu_today(self, moment)

    def _redu_response_due_date(self, start):
        """The date by which an inquiry received at ``start`` (UTC datetime) needs its first response:
        the entity's response target in working days (Saturdays and Sundays skipped), counted from
        the local date of the inquiry."""
        self.ensure_one()
        # at most a year of working days: the loop stays short and the date in the calendar
        remaining = min(max(self.redu_response_days, 0), MAX_RESPONSE_DAYS)
        try:
            day = self._redu_local_date(start)
            while remaining:
                day += timedelta(days=1)
                if day.weekday() < 5:
                    remaining -= 1
            while day.weekday() >= 5:
                day += timedelta(days=1)
        except OverflowError:
            return False  # an inquiry date at the end of the calendar (year 9999) has no due date
        return day

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The entity's response target (critical point 1): the due date of the first response and whether it came
in time, on the service processes themselves (the website only sets its deadlines by them)."""

from datetime import date, datetime

from odoo.tests import tagged

from .common import ReduServicesCommon


@tagged("post_install", "-at_install")
class TestResponseTarget(ReduServicesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a.partner_id.tz = "Europe/Helsinki"
        cls.company_a.redu_response_days = 2

    def test_due_date_counts_working_days_from_the_local_inquiry_date(self):
        # Thursday 2026-03-05 10:00 in Helsinki: two working days later is Monday
        process = self._create_process(date_inquiry=datetime(2026, 3, 5, 8, 0))
        self.assertEqual(process.date_response_due, date(2026, 3, 9))
        # Friday 23:30 in Helsinki is still Friday there (21:30 UTC): Tuesday
        late_friday = self._create_process(date_inquiry=datetime(2026, 3, 6, 21, 30))
        self.assertEqual(late_friday.date_response_due, date(2026, 3, 10))
        self.company_b.redu_response_days = 5
        other = self._create_process(service=self.service_b, date_inquiry=datetime(2026, 3, 5, 8, 0))
        self.assertEqual(other.date_response_due, date(2026, 3, 12), "the target of the process's own entity")

    def test_first_response_on_time_by_the_due_date(self):
        process = self._create_process(date_inquiry=datetime(2026, 3, 5, 8, 0))
        self.assertEqual(process.response_on_time_percent, 0.0, "not answered yet")
        # Monday 23:00 in Helsinki (20:00 UTC) is on the due date: on time
        process.date_first_response = datetime(2026, 3, 9, 20, 0)
        self.assertEqual(process.response_on_time_percent, 100.0)
        # Tuesday 01:00 in Helsinki (Monday 23:00 UTC) is a day late
        process.date_first_response = datetime(2026, 3, 9, 23, 0)
        self.assertEqual(process.response_on_time_percent, 0.0)
        # a due date set by hand is what counts
        process.date_response_due = date(2026, 3, 10)
        self.assertEqual(process.response_on_time_percent, 100.0)

# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common import FeedbackCase

# 23:00 UTC is 01:00 the next day in Helsinki: the UTC date is yesterday in Finland.
# The year is far from the real one: PostgreSQL's clock (CURRENT_DATE, now()) is not frozen,
# so a rule that asks the database for today sees another date and fails here.
LATE_EVENING_UTC = "2031-03-09 23:00:00"
FINNISH_TODAY = datetime.date(2031, 3, 10)


@tagged("post_install", "-at_install")
class TestFinnishDate(FeedbackCase):
    """Deadlines, the export and the dashboard count from the Finnish date, whoever runs them."""

    def _vals(self, end_date, **values):
        return self._agreement_vals(start_date=FINNISH_TODAY - datetime.timedelta(days=60), end_date=end_date, **values)

    @freeze_time(LATE_EVENING_UTC)
    def test_days_to_deadline_for_a_user_without_timezone(self):
        self.assertFalse(self.teacher.tz)
        form = Form(self.Agreement.with_user(self.teacher).with_context(allowed_company_ids=[self.company.id]))
        form.employer_id = self.employer
        form.instructor_id = self.instructor
        form.start_date = FINNISH_TODAY
        form.end_date = FINNISH_TODAY + datetime.timedelta(days=40)
        form.part_time_percent = 100
        form.qualification_code = "351101"
        agreement = form.save()
        # the contact deadline is the day before the end date: 39 days from the Finnish today
        self.assertEqual(agreement.days_to_deadline, 39)

    @freeze_time(LATE_EVENING_UTC)
    def test_export_leaves_out_what_ended_today_in_finland(self):
        self.assertFalse(self.manager.tz)
        ended = self.Agreement.create(self._vals(FINNISH_TODAY, source_ref="SR-ENDED"))
        running = self.Agreement.create(self._vals(FINNISH_TODAY + datetime.timedelta(days=1), source_ref="SR-RUN"))
        wizard = (
            self.env["redu.transfer.export.wizard"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.company.id])
            .create({"agreement_ids": [(6, 0, (ended | running).ids)]})
        )
        wizard.action_export()
        self.assertEqual(wizard.exported_count, 1)
        self.assertEqual(wizard.file_name, "tyoelamapalaute_2031-03-10.csv")

    @freeze_time(LATE_EVENING_UTC)
    def test_dashboard_counts_from_the_finnish_date(self):
        self.Agreement.create(
            [
                self._vals(FINNISH_TODAY + datetime.timedelta(days=14), part_time_percent=0),
                self._vals(FINNISH_TODAY + datetime.timedelta(days=15), part_time_percent=0),
                self._vals(FINNISH_TODAY - datetime.timedelta(days=1), part_time_percent=0),
            ]
        )
        self.env.flush_all()
        line = (
            self.env["redu.feedback.dashboard"].with_user(self.manager).search([("company_id", "=", self.company.id)])
        )
        self.assertEqual((line.agreement_count, line.blocked_count, line.blocked_soon_count), (3, 3, 1))

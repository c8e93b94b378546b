# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The figures of the dashboard "National feedback": binding goal 3.

The outcome of the national rules (readiness, survey reach, exclusion) is written as the validation of
redu_feedback_prep would leave it: its own tests cover how it is reached; these cover what the dashboard
counts of it.
"""

import datetime

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

from .common import DashboardDataMixin


@tagged("post_install", "-at_install")
class TestDashboardFeedback(DashboardDataMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.dashboard = cls._dashboard("feedback")
        cls.entity_a, cls.entity_b = cls.env["res.company"].create(
            [
                {"name": "Dashboard Entity A", "is_redu_group_entity": True},
                {"name": "Dashboard Entity B", "is_redu_group_entity": True},
            ]
        )
        cls.entities = cls.entity_a + cls.entity_b
        cls.teacher = new_test_user(
            cls.env,
            "redu_dash_feedback_user",
            groups="redu_feedback_prep.group_feedback_user",
            company_id=cls.entity_a.id,
            company_ids=[Command.set(cls.entities.ids)],
        )
        cls.today = fields.Date.context_today(cls.env["res.users"])

    def _agreement(self, entity, end_date, readiness="ready", reaches=True, excluded=False):
        agreement = self.env["redu.workplace.agreement"].create(
            {
                "company_id": entity.id,
                "start_date": end_date - datetime.timedelta(days=60),
                "end_date": end_date,
            }
        )
        # the outcome given, written over the one the validation stored (this bare agreement is blocked)
        agreement.write(
            {"readiness": readiness, "national_survey_reaches": reaches, "national_excluded_reason": excluded}
        )
        return agreement

    def _read(self, name):
        return self._read_pivot(self.env(user=self.teacher), self.dashboard, name, self.entities)

    def _year_day(self, year_offset, month, day):
        return datetime.date(self.today.year + year_offset, month, day)

    def test_agreements_ending_in_the_period_and_share_ready(self):
        a, b = self.entity_a, self.entity_b
        self._agreement(a, self._year_day(0, 5, 31))
        self._agreement(a, self._year_day(0, 6, 30), readiness="warning")
        self._agreement(a, self._year_day(0, 8, 31), readiness="blocked", reaches=False)
        self._agreement(a, self._year_day(0, 9, 30))
        self._agreement(b, self._year_day(0, 4, 30), readiness="blocked", reaches=False)
        self._agreement(b, self._year_day(-1, 4, 30))
        self.assertEqual(self._read("Agreements"), {(a.id,): [4, 50.0], (b.id,): [1, 0.0]})
        self.assertEqual(self._read("Agreements - previous"), {(b.id,): [1, 100.0]})

    def test_blocked_agreements_ending_within_14_days(self):
        a, b = self.entity_a, self.entity_b
        self._agreement(a, self.today, readiness="blocked", reaches=False)
        self._agreement(a, self.today + datetime.timedelta(days=14), readiness="blocked", reaches=False)
        self._agreement(a, self.today + datetime.timedelta(days=15), readiness="blocked", reaches=False)
        self._agreement(a, self.today - datetime.timedelta(days=1), readiness="blocked", reaches=False)
        self._agreement(b, self.today + datetime.timedelta(days=3), readiness="warning")
        self.assertEqual(self._read("Blocked, ending within 14 days"), {(a.id,): [2]})

    def test_survey_reach_of_the_ended_periods(self):
        a, b = self.entity_a, self.entity_b
        ended = self.today - datetime.timedelta(days=1)
        if ended.year != self.today.year:  # on the first of January, yesterday is last year
            ended = self.today
        self._agreement(a, ended)
        self._agreement(a, ended, readiness="blocked", reaches=False)
        self._agreement(a, ended, readiness="blocked", reaches=False, excluded="workplace_data_missing")
        self._agreement(a, ended, readiness="ready", reaches=False, excluded="not_vocational")  # rightly out
        self._agreement(a, self.today + datetime.timedelta(days=30))  # not ended yet
        self._agreement(b, self._year_day(-1, 10, 31), readiness="warning")
        rows = {key: [count, round(share, 2)] for key, (count, share) in self._read("Survey reach").items()}
        if ended == self.today:
            self.assertEqual(rows, {})
        else:
            self.assertEqual(rows, {(a.id,): [3, 33.33]})
        self.assertEqual(self._read("Survey reach - previous"), {(b.id,): [1, 100.0]})

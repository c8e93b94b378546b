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
        # today as the dashboard's domains read it ("today"): in the time zone of the user who reads
        cls.today = fields.Date.context_today(cls.env(user=cls.teacher)["res.users"])

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

    def test_charts_readiness_per_entity_and_predicted_reach_per_month(self):
        a, b = self.entity_a, self.entity_b
        self._agreement(a, self._year_day(0, 5, 31))
        self._agreement(a, self._year_day(0, 5, 15), readiness="warning")
        self._agreement(a, self._year_day(0, 6, 30), readiness="blocked", reaches=False)
        self._agreement(a, self._year_day(0, 6, 30), readiness="ready", reaches=False, excluded="not_vocational")
        self._agreement(b, self._year_day(0, 6, 1), readiness="blocked", reaches=False)
        self._agreement(b, self._year_day(-1, 6, 1))  # the previous period: left out
        env = self.env(user=self.teacher)
        readiness = self._read_chart(
            env, self.dashboard, "Agreements per group entity: ready, warning, blocked", self.entities
        )
        self.assertEqual(
            readiness,
            {(a.id, "ready"): 2, (a.id, "warning"): 1, (a.id, "blocked"): 1, (b.id, "blocked"): 1},
        )
        may, june = self._year_day(0, 5, 1), self._year_day(0, 6, 1)
        reach = self._read_chart(
            env, self.dashboard, "Predicted survey reach per month and group entity (%)", self.entities
        )
        # the agreement rightly left out of the survey (not vocational) is not counted
        self.assertEqual(reach, {(may, a.id): 100.0, (june, a.id): 0.0, (june, b.id): 0.0})
        per_month = self._read_chart(env, self.dashboard, "Agreements ending per month, by readiness", a)
        self.assertEqual(per_month, {(may, "ready"): 1, (may, "warning"): 1, (june, "blocked"): 1, (june, "ready"): 1})

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The figures of the dashboard "Workplace survey": the survey links sent to employers and answered, per
group entity, in the period and the previous one, its scorecards and charts.

The pivots and charts are read from the dashboard's JSON file as spreadsheet_dashboard_redu's tests read
theirs.
"""

import datetime
import json

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import file_open

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.spreadsheet_dashboard_redu.tests.common import DashboardDataMixin


@tagged("post_install", "-at_install")
class TestDashboardSurvey(DashboardDataMixin, TransactionCase):
    @classmethod
    def _dashboard(cls, name):
        with file_open(f"spreadsheet_dashboard_redu_tpk/data/files/{name}_dashboard.json") as handle:
            return json.load(handle)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.dashboard = cls._dashboard("survey")
        cls.entity_a, cls.entity_b = cls.env["res.company"].create(
            [
                {"name": "Survey Entity A", "is_redu_group_entity": True},
                {"name": "Survey Entity B", "is_redu_group_entity": True},
            ]
        )
        cls.entities = cls.entity_a + cls.entity_b
        cls.teacher = new_test_user(
            cls.env,
            "redu_dash_survey_teacher",
            groups="redu_feedback_prep.group_feedback_user",
            company_id=cls.entity_a.id,
            company_ids=[Command.set(cls.entities.ids)],
        )
        cls.employer = cls.env["res.partner"].create({"name": "Survey Employer Oy", "is_company": True})
        cls.year = fields.Date.context_today(cls.env(user=cls.teacher)["res.users"]).year
        cls.count = 0

    def _bundle(self, entity, sent_month=None, answers=0, year_offset=0):
        """A survey bundle as the prediction, the import of the links and the sending leave it (its own
        addon tests how)."""
        type(self).count += 1
        year = self.year + year_offset
        bundle = self.env["redu.tpk.bundle"].create(
            {
                "name": f"survey-dashboard-{self.count}",
                "period_start": datetime.date(year, 1, 1),
                "period_end": datetime.date(year, 6, 30),
                "company_id": entity.id,
                "employer_id": self.employer.id,
            }
        )
        if sent_month:
            bundle.write(
                {
                    "survey_url": f"https://arvo.example/{self.count}",
                    "sent_date": datetime.datetime(year, sent_month, 3, 9, 0),
                    "answer_count": answers,
                }
            )
        return bundle

    def _read(self, name, entities=None):
        return self._read_pivot(self.env(user=self.teacher), self.dashboard, name, entities or self.entities)

    def test_links_sent_answers_and_answer_rate_per_entity(self):
        a, b = self.entity_a, self.entity_b
        self._bundle(a, sent_month=3, answers=2)
        self._bundle(a, sent_month=3)
        self._bundle(a, sent_month=9, answers=1)
        self._bundle(a)  # predicted, no link sent: not counted
        self._bundle(b, sent_month=4)
        self._bundle(b, sent_month=10, answers=3, year_offset=-1)
        rows = {
            key: [count, answers, round(rate, 2)]
            for key, (count, answers, rate) in self._read("Survey links sent").items()
        }
        self.assertEqual(rows, {(a.id,): [3, 3, 66.67], (b.id,): [1, 0, 0.0]})
        self.assertEqual(self._read("Survey links sent - previous"), {(b.id,): [1, 3, 100.0]})
        cells = self._scorecard_cells(self.dashboard)
        self.assertEqual(
            cells["Answer rate (%)"],
            ('=PIVOT.VALUE(1,"answer_rate:avg")+0', '=PIVOT.VALUE(2,"answer_rate:avg")+0'),
        )

    def test_charts_links_per_month_and_answer_rate(self):
        a, b = self.entity_a, self.entity_b
        self._bundle(a, sent_month=3, answers=2)
        self._bundle(a, sent_month=3)
        self._bundle(b, sent_month=5, answers=1)
        self._bundle(b)  # predicted: not counted
        self._bundle(b, sent_month=5, year_offset=-1)  # the previous period: left out
        env = self.env(user=self.teacher)
        march, may = datetime.datetime(self.year, 3, 1), datetime.datetime(self.year, 5, 1)
        self.assertEqual(
            self._read_chart(env, self.dashboard, "Survey links sent per month, by state", self.entities),
            {(march, "sent"): 1, (march, "answered"): 1, (may, "answered"): 1},
        )
        self.assertEqual(
            self._read_chart(env, self.dashboard, "Answer rate per group entity (%)", self.entities),
            {(a.id,): 50.0, (b.id,): 100.0},
        )
        self.assertEqual(self._read_chart(env, self.dashboard, "Answer rate per month (%)", a), {(march,): 50.0})

    def test_the_dashboard_is_shown_beside_national_feedback_with_a_sample(self):
        dashboard = self.env.ref("spreadsheet_dashboard_redu_tpk.spreadsheet_dashboard_survey")
        feedback = self.env.ref("spreadsheet_dashboard_redu.spreadsheet_dashboard_feedback")
        self.assertEqual(dashboard.dashboard_group_id, feedback.dashboard_group_id)
        self.assertEqual(dashboard.group_ids, feedback.group_ids)
        with file_open(dashboard.sample_dashboard_file_path) as handle:
            sample = json.load(handle)
        self.assertEqual(sample["pivots"], {})
        self.assertEqual(len(sample["sheets"][0]["figures"]), len(self.dashboard["sheets"][0]["figures"]))
        # a user of an entity without survey bundles gets the sample
        entity = self.env["res.company"].create({"name": "Survey Entity Empty", "is_redu_group_entity": True})
        user = new_test_user(
            self.env,
            "redu_dash_survey_empty",
            groups="redu_feedback_prep.group_feedback_user",
            company_id=entity.id,
            company_ids=[Command.set(entity.ids)],
        )
        env = self.env(user=user, context={"allowed_company_ids": entity.ids})
        self.assertTrue(dashboard.with_env(env)._dashboard_is_empty())
        self._bundle(entity, sent_month=2)
        self.assertFalse(dashboard.with_env(env)._dashboard_is_empty())

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The figures of the dashboard "Working-life feedback answers", read from its JSON file as the
spreadsheet reads them, on the fixtures of redu_feedback_arvo (Arvo's export shapes)."""

import json

from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools import file_open

from odoo.addons.redu_feedback_arvo.tests.common import ArvoCase
from odoo.addons.spreadsheet_dashboard_redu.tests.common import DashboardDataMixin


@tagged("post_install", "-at_install")
class TestDashboardArvo(DashboardDataMixin, ArvoCase):
    @classmethod
    def _dashboard(cls, name):
        with file_open(f"spreadsheet_dashboard_redu_arvo/data/files/{name}_dashboard.json") as handle:
            return json.load(handle)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dashboard = cls._dashboard("arvo")
        cls._import_file()
        cls._set_predictions()

    def test_predicted_and_actual_reach_per_entity_and_year(self):
        teacher = self.env(user=self.teacher, context=dict(self.env.context, allowed_company_ids=self.company.ids))
        rows = self._read_pivot(teacher, self.dashboard, "Predicted and actual reach", self.companies)
        # periods, predicted, actual, answered, correct: the teacher reads their own entity only
        self.assertEqual(rows, {(self.company.id, 2025): [4, 3, 3, 2, 2]})
        rows = self._read_pivot(
            self.env(user=self.feedback_admin), self.dashboard, "Predicted and actual reach", self.companies
        )
        self.assertEqual(rows[self.company_b.id, 2025], [1, 0, 1, 1, 0])
        accuracy = self._read_pivot(teacher, self.dashboard, "Accuracy per validation rule", self.companies)
        self.assertEqual(accuracy, {("reaches",): [3, 2, 66.7], ("not_reached",): [1, 0, 0.0]})

    @freeze_time("2025-12-31")
    def test_answer_rate_and_scores_per_entity(self):
        env = self.env(user=self.feedback_admin)
        # the period filter (this year by default) applies to the periods' end: codes, answers, answered %
        self.assertEqual(
            self._read_pivot(env, self.dashboard, "Answer rate per entity", self.companies),
            {
                (self.company.id, "2025-H1"): [4, 5, 50.0],
                (self.company.id, "2025-H2"): [2, 1, 50.0],
                (self.company_b.id, "2025-H2"): [1, 2, 100.0],
            },
        )
        scores = self._read_pivot(env, self.dashboard, "Funding-model scores per entity", self.companies)
        self.assertEqual(scores, {(self.company.id, "2025-H1"): [2, 3.75]})

    def test_the_dashboard_is_shown_to_the_feedback_users_beside_national_feedback(self):
        dashboard = self.env.ref("spreadsheet_dashboard_redu_arvo.spreadsheet_dashboard_arvo")
        feedback = self.env.ref("spreadsheet_dashboard_redu.spreadsheet_dashboard_feedback")
        self.assertEqual(dashboard.dashboard_group_id, feedback.dashboard_group_id)
        self.assertEqual(dashboard.group_ids, feedback.group_ids)
        self.assertEqual(json.loads(dashboard.spreadsheet_data)["pivots"], self.dashboard["pivots"])

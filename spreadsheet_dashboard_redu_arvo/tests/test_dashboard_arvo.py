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

    @freeze_time("2025-12-31")
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
        # the period filter (this year, 2025 here) applies to the year of the periods' end
        self.assertEqual(self._read_pivot(teacher, self.dashboard, "Predicted and actual reach - previous"), {})
        # the scorecards: periods, and the reach as the share of them (not an average of the rows' shares)
        scorecards = self._scorecard_cells(self.dashboard)
        self.assertEqual(
            scorecards["Periods ended"],
            ('=PIVOT.VALUE(1,"agreement_count:sum")+0', '=PIVOT.VALUE(5,"agreement_count:sum")+0'),
        )
        self.assertIn(
            'PIVOT.VALUE(1,"predicted_count:sum")/PIVOT.VALUE(1,"agreement_count:sum")',
            scorecards["Predicted reach (%)"][0],
        )
        self.assertIn(
            'PIVOT.VALUE(1,"actual_count:sum")/PIVOT.VALUE(1,"agreement_count:sum")', scorecards["Actual reach (%)"][0]
        )
        # the chart of the predicted and the actual reach per entity: the pivot "Reach per entity" spilled
        # on the sheet Data, each row's shares computed beside it
        admin = self.env(user=self.feedback_admin)
        per_year = self._read_pivot(admin, self.dashboard, "Predicted and actual reach", self.companies)
        reach = self._read_pivot(admin, self.dashboard, "Reach per entity", self.companies)
        self.assertEqual(reach, {(company,): values[:3] for (company, _year), values in per_year.items()})
        self.assertEqual(reach[self.company_b.id,], [1, 0, 1])
        self.assertEqual(reach[self.company.id,], [4, 3, 3])
        (data,) = [sheet for sheet in self.dashboard["sheets"] if sheet["name"] == "Data"]
        chart = self._chart(self.dashboard, "Predicted and actual reach per group entity (%)")
        self.assertEqual([dataset["dataRange"] for dataset in chart["dataSets"]], ["Data!F20:F60", "Data!G20:G60"])
        self.assertEqual(chart["labelRange"], "Data!A21:A60")
        self.assertEqual(data["cells"]["A21"], "=PIVOT(7,40,FALSE,FALSE,10,FALSE)")
        self.assertEqual(data["cells"]["F21"], '=IF(A21="","",IFERROR(ROUND(100*C21/B21,1),0))')
        self.assertEqual(data["cells"]["G60"], '=IF(A60="","",IFERROR(ROUND(100*D60/B60,1),0))')
        # periods per validation rule and entity
        title = "Periods ended per validation rule, by group entity"
        self.assertEqual(
            self._read_chart(teacher, self.dashboard, title, self.companies),
            {("reaches", self.company.id): 3, ("not_reached", self.company.id): 1},
        )

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
        self.assertEqual(self._read_pivot(env, self.dashboard, "Answer rate per entity - previous", self.companies), {})
        self.assertEqual(
            self._scorecard_cells(self.dashboard)["Answer rate (%)"],
            ('=PIVOT.VALUE(3,"answered_percent:avg")+0', '=PIVOT.VALUE(6,"answered_percent:avg")+0'),
        )
        # the response codes of the periods ended in 2025, per month, counted here from the codes themselves
        targets = self.env["redu.arvo.target"].search(
            [
                ("company_id", "in", self.companies.ids),
                ("period_end", ">=", "2025-01-01"),
                ("period_end", "<", "2026-01-01"),
            ]
        )
        per_month = {}
        for target in targets:
            month = target.period_end.replace(day=1)
            codes, answered = per_month.get(month, (0, 0))
            per_month[month] = (codes + 1, answered + target.answered)
        self.assertEqual(sum(codes for codes, _answered in per_month.values()), 7)
        title = "Response codes per month of the period's end, by group entity"
        per_entity = self._read_chart(env, self.dashboard, title, self.companies)
        self.assertEqual(sum(per_entity.values()), 7)
        self.assertEqual(
            {month: sum(count for (key, _company), count in per_entity.items() if key == month) for month in per_month},
            {month: codes for month, (codes, _answered) in per_month.items()},
        )
        rate = self._read_chart(env, self.dashboard, "Answer rate per month of the period's end (%)", self.companies)
        self.assertEqual(set(rate), {(month,) for month in per_month})
        for (month,), value in rate.items():
            codes, answered = per_month[month]
            self.assertAlmostEqual(value, 100.0 * answered / codes)

    def test_the_dashboard_opens_with_scorecards_and_charts_and_has_a_sample(self):
        self._check_figures(self.dashboard, "arvo")
        dashboard = self.env.ref("spreadsheet_dashboard_redu_arvo.spreadsheet_dashboard_arvo")
        self._check_sample(dashboard, self.dashboard, "arvo")
        self._check_finnish("spreadsheet_dashboard_redu_arvo", ["arvo"])

    def test_the_dashboard_is_shown_to_the_feedback_users_beside_national_feedback(self):
        dashboard = self.env.ref("spreadsheet_dashboard_redu_arvo.spreadsheet_dashboard_arvo")
        feedback = self.env.ref("spreadsheet_dashboard_redu.spreadsheet_dashboard_feedback")
        self.assertEqual(dashboard.dashboard_group_id, feedback.dashboard_group_id)
        self.assertEqual(dashboard.group_ids, feedback.group_ids)
        self.assertEqual(json.loads(dashboard.spreadsheet_data)["pivots"], self.dashboard["pivots"])

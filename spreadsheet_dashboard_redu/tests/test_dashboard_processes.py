# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The figures of the dashboard "Services and processes": binding goal 1, critical points 1 and 5."""

import datetime

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

from .common import DashboardDataMixin


@tagged("post_install", "-at_install")
class TestDashboardProcesses(DashboardDataMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.dashboard = cls._dashboard("processes")
        cls.entity_a, cls.entity_b = cls.env["res.company"].create(
            [
                {"name": "Dashboard Entity A", "is_redu_group_entity": True},
                {"name": "Dashboard Entity B", "is_redu_group_entity": True},
            ]
        )
        cls.entities = cls.entity_a + cls.entity_b
        cls.manager = new_test_user(
            cls.env,
            "redu_dash_proc_manager",
            groups="redu_services.group_service_manager",
            company_id=cls.entity_a.id,
            company_ids=[Command.set(cls.entities.ids)],
        )
        cls.cat_1, cls.cat_2 = cls.env["redu.service.category"].create(
            [
                {"name": "Dashboard category 1", "code": "dash_cat_1"},
                {"name": "Dashboard category 2", "code": "dash_cat_2"},
            ]
        )
        Service = cls.env["redu.service"]
        cls.service_a1, cls.service_a1b, cls.service_a2, cls.service_b1 = Service.create(
            [
                {"name": "A1", "category_id": cls.cat_1.id, "company_id": cls.entity_a.id, "funding": "public"},
                {"name": "A1b", "category_id": cls.cat_1.id, "company_id": cls.entity_a.id, "funding": "public"},
                {"name": "A2", "category_id": cls.cat_2.id, "company_id": cls.entity_a.id, "funding": "public"},
                {"name": "B1", "category_id": cls.cat_1.id, "company_id": cls.entity_b.id, "funding": "public"},
            ]
        )
        cls.organisation = cls.env["res.partner"].create({"name": "Dashboard Oy", "is_company": True})
        cls.stage_done = cls.env.ref("redu_services.stage_done")
        cls.stage_cancelled = cls.env.ref("redu_services.stage_cancelled")
        cls.year = fields.Date.context_today(cls.env["res.users"]).year
        cls.this_year = datetime.datetime(cls.year, 3, 2, 8, 0)
        cls.last_year = datetime.datetime(cls.year - 1, 3, 2, 8, 0)

    def _process(self, service, date_inquiry=None, **vals):
        return self.env["redu.service.process"].create(
            {
                "partner_id": self.organisation.id,
                "service_id": service.id,
                "date_inquiry": date_inquiry or self.this_year,
                **vals,
            }
        )

    def _read(self, name):
        return self._read_pivot(self.env(user=self.manager), self.dashboard, name, self.entities)

    def test_catalogue_counts_services_per_category_and_entity(self):
        self.assertEqual(
            self._read("Services per entity and category"),
            {
                (self.cat_1.id, self.entity_a.id): [2],
                (self.cat_2.id, self.entity_a.id): [1],
                (self.cat_1.id, self.entity_b.id): [1],
            },
        )

    def test_processes_opened_in_progress_and_closed_per_entity(self):
        self._process(self.service_a1)
        self._process(self.service_a2)
        self._process(self.service_a1, stage_id=self.stage_done.id, feedback_score="4")
        self._process(self.service_a1, stage_id=self.stage_cancelled.id, cancel_reason="No budget")
        self._process(self.service_b1, stage_id=self.stage_done.id, feedback_score="5")
        self._process(self.service_a1, date_inquiry=self.last_year, stage_id=self.stage_done.id, feedback_score="3")
        self.assertEqual(
            self._read("Processes opened"),
            {
                (self.entity_a.id, "in_progress"): [2],
                (self.entity_a.id, "done"): [1],
                (self.entity_a.id, "cancelled"): [1],
                (self.entity_b.id, "done"): [1],
            },
        )
        self.assertEqual(self._read("Processes opened - previous"), {(self.entity_a.id, "done"): [1]})

    def test_checklist_share_counts_processes_closed_as_done_with_a_checklist(self):
        # a configuration without the checklist gate on the closing stage lets a process close with
        # its checklist incomplete: the figure shows how often that happens
        self.stage_done.gate_ids = [Command.unlink(self.env.ref("redu_services.stage_gate_required_checklist").id)]
        line = Command.create({"name": "Send the material", "required": True})
        optional = Command.create({"name": "Optional call", "required": False})
        self._process(
            self.service_a1,
            stage_id=self.stage_done.id,
            feedback_score="4",
            checklist_line_ids=[Command.create({"name": "Send the material", "required": True, "done": True})],
        )
        self._process(self.service_a1, stage_id=self.stage_done.id, feedback_score="4", checklist_line_ids=[line])
        self._process(
            self.service_b1,
            stage_id=self.stage_done.id,
            feedback_score="4",
            checklist_line_ids=[
                Command.create({"name": "Send the material", "required": True, "done": True}),
                optional,
            ],
        )
        self._process(self.service_a1, stage_id=self.stage_done.id, feedback_score="4")  # no checklist: left out
        self._process(self.service_a1, checklist_line_ids=[line])  # in progress: left out
        self.assertEqual(
            self._read("Checklist complete at closing"),
            {(self.entity_a.id,): [50.0, 2], (self.entity_b.id,): [100.0, 1]},
        )

    def test_response_time_median_and_90th_percentile_per_entity_and_channel(self):
        hours_email = [1, 2, 3, 4, 10]
        for hours in hours_email:
            self._process(
                self.service_a1,
                channel="email",
                date_first_response=self.this_year + datetime.timedelta(hours=hours),
            )
        self._process(
            self.service_a1, channel="phone", date_first_response=self.this_year + datetime.timedelta(hours=6)
        )
        self._process(self.service_a1, channel="phone")  # not answered yet: left out
        self._process(
            self.service_b1,
            channel="web",
            date_inquiry=self.last_year,
            date_first_response=self.last_year + datetime.timedelta(hours=8),
        )
        rows = {key: [round(value, 6) for value in values] for key, values in self._read("Response time").items()}
        # percentile_cont interpolates: the 90th percentile of 1, 2, 3, 4, 10 is 4 + 0.6 * (10 - 4)
        self.assertEqual(rows[(self.entity_a.id, "email")], [3.0, 7.6, 5])
        self.assertEqual(rows[(self.entity_a.id, "phone")], [6.0, 6.0, 1])
        self.assertEqual(rows[(self.entity_a.id, "all")], [3.5, 8.0, 6])
        self.assertEqual(
            set(rows), {(self.entity_a.id, "email"), (self.entity_a.id, "phone"), (self.entity_a.id, "all")}
        )
        self.assertEqual(
            self._read("Response time - previous"),
            {(self.entity_b.id, "web"): [8.0, 8.0, 1], (self.entity_b.id, "all"): [8.0, 8.0, 1]},
        )

    def test_feedback_score_average_per_category_and_entity(self):
        self._process(self.service_a1, stage_id=self.stage_done.id, feedback_score="5")
        self._process(self.service_a1b, stage_id=self.stage_done.id, feedback_score="2")
        self._process(self.service_a2, stage_id=self.stage_done.id, feedback_score="4")
        self._process(self.service_b1, stage_id=self.stage_done.id, feedback_score="3")
        self._process(self.service_b1)  # no score: left out
        self._process(self.service_b1, date_inquiry=self.last_year, stage_id=self.stage_done.id, feedback_score="1")
        self.assertEqual(
            self._read("Feedback score"),
            {
                (self.cat_1.id, self.entity_a.id): [3.5],
                (self.cat_2.id, self.entity_a.id): [4.0],
                (self.cat_1.id, self.entity_b.id): [3.0],
            },
        )
        self.assertEqual(self._read("Feedback score - previous"), {(self.cat_1.id, self.entity_b.id): [1.0]})

    def test_entity_filter_and_record_rules_limit_the_figures(self):
        self._process(self.service_a1)
        self._process(self.service_b1)
        only_a = self._read_pivot(self.env(user=self.manager), self.dashboard, "Processes opened", self.entity_a)
        self.assertEqual(only_a, {(self.entity_a.id, "in_progress"): [1]})
        active_a = self.env(user=self.manager, context={"allowed_company_ids": self.entity_a.ids})
        self.assertEqual(
            self._read_pivot(active_a, self.dashboard, "Processes opened"), {(self.entity_a.id, "in_progress"): [1]}
        )

    def test_charts_processes_per_month_and_entity_by_stage(self):
        self._process(self.service_a1)
        self._process(self.service_a1, date_inquiry=self.this_year.replace(month=5))
        self._process(
            self.service_a2,
            date_inquiry=self.this_year.replace(month=5),
            stage_id=self.stage_done.id,
            feedback_score="4",
        )
        self._process(self.service_b1, stage_id=self.stage_cancelled.id, cancel_reason="No budget")
        self._process(self.service_a1, date_inquiry=self.last_year)  # the previous period: left out
        env = self.env(user=self.manager)
        march, may = datetime.datetime(self.year, 3, 1), datetime.datetime(self.year, 5, 1)
        self.assertEqual(
            self._read_chart(env, self.dashboard, "Processes opened per month, by stage", self.entities),
            {(march, "in_progress"): 1, (march, "cancelled"): 1, (may, "in_progress"): 1, (may, "done"): 1},
        )
        self.assertEqual(
            self._read_chart(env, self.dashboard, "Processes opened per group entity, by stage", self.entity_a),
            {(self.entity_a.id, "in_progress"): 2, (self.entity_a.id, "done"): 1},
        )

    def test_response_time_per_month_chart_and_scorecard(self):
        for hours in (2, 4, 30):
            self._process(
                self.service_a1, channel="email", date_first_response=self.this_year + datetime.timedelta(hours=hours)
            )
        self._process(
            self.service_b1, channel="phone", date_first_response=self.this_year + datetime.timedelta(hours=10)
        )
        last_year_answer = self.last_year + datetime.timedelta(hours=1)
        self._process(self.service_b1, date_inquiry=self.last_year, date_first_response=last_year_answer)
        env = self.env(user=self.manager)
        march = datetime.date(self.year, 3, 1)
        rows = self._read_chart(
            env,
            self.dashboard,
            "Response time per month, hours: median and 90th percentile (slowest entity)",
            self.entities,
        )
        # entity A: median 4, 90th percentile 4 + 0.8 * 26 = 24.8; entity B: 10 and 10; the slowest shows
        self.assertEqual(
            {key: round(value, 6) for key, value in rows.items()}, {(march, "median"): 10.0, (march, "p90"): 24.8}
        )
        self.assertEqual(
            {key: round(values[0], 6) for key, values in self._read("Response time per month").items()},
            {("median",): 10.0, ("p90",): 24.8},
        )
        self.assertEqual(self._read("Response time per month - previous"), {("median",): [1.0], ("p90",): [1.0]})
        key, baseline = self._scorecard_cells(self.dashboard)["Median response, hours (slowest entity)"]
        self.assertIn('PIVOT.VALUE(10,"hours:max","statistic","median")', key)
        self.assertIn('PIVOT.VALUE(11,"hours:max","statistic","median")', baseline)

    def test_first_responses_within_the_target(self):
        """Critical point 1 against the entity's promise: the share of the answered inquiries whose first
        response came by its due date (the entity's target in working days), per entity and month."""
        self.entity_a.redu_response_days = 3
        self.entity_b.redu_response_days = 2
        hour, month = datetime.timedelta(hours=1), datetime.timedelta(days=30)
        self._process(self.service_a1, date_first_response=self.this_year + hour)  # the same day: on time
        self._process(self.service_a1, date_first_response=self.this_year + month)  # a month later: late
        self._process(self.service_a1)  # not answered yet: not counted
        self._process(self.service_b1, date_first_response=self.this_year + hour)
        self._process(self.service_b1, date_inquiry=self.last_year, date_first_response=self.last_year + month)
        self.assertEqual(
            self._read("First responses within the target"),
            {(self.entity_a.id,): [50.0, 2], (self.entity_b.id,): [100.0, 1]},
        )
        self.assertEqual(self._read("First responses within the target - previous"), {(self.entity_b.id,): [0.0, 1]})
        key, baseline = self._scorecard_cells(self.dashboard)["First responses within the target (%)"]
        self.assertEqual(key, '=PIVOT.VALUE(12,"response_on_time_percent:avg")+0')
        self.assertEqual(baseline, '=PIVOT.VALUE(13,"response_on_time_percent:avg")+0')
        # the group's figure, over the answered inquiries of the chosen entities: 2 of 3
        env = self.env(user=self.manager)
        march = datetime.datetime(self.year, 3, 1)
        rows = self._read_chart(env, self.dashboard, "First responses within the target per month (%)", self.entities)
        self.assertEqual({key: round(value, 2) for key, value in rows.items()}, {(march,): 66.67})
        rows = self._read_chart(env, self.dashboard, "First responses within the target per month (%)", self.entity_b)
        self.assertEqual(rows, {(march,): 100.0})
        # the target itself, beside the response times
        self.assertEqual(
            self._read("Response target"),
            {("Dashboard Entity A",): [3], ("Dashboard Entity B",): [2]},
        )

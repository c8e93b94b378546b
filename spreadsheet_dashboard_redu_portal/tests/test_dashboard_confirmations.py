# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The figures of the dashboard "Instructor confirmations": binding goal 3, the confirmation requests sent
to workplace instructors and answered, per entity and teacher, in the period and the previous one.

The pivots are read from the dashboard's JSON file as spreadsheet_dashboard_redu's tests read theirs.
"""

import datetime
import json

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import file_open

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.spreadsheet_dashboard_redu.tests.common import DashboardDataMixin


@tagged("post_install", "-at_install")
class TestDashboardConfirmations(DashboardDataMixin, TransactionCase):
    @classmethod
    def _dashboard(cls, name):
        with file_open(f"spreadsheet_dashboard_redu_portal/data/files/{name}_dashboard.json") as handle:
            return json.load(handle)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.dashboard = cls._dashboard("confirmations")
        cls.entity_a, cls.entity_b = cls.env["res.company"].create(
            [
                {"name": "Dashboard Entity A", "is_redu_group_entity": True},
                {"name": "Dashboard Entity B", "is_redu_group_entity": True},
            ]
        )
        cls.entities = cls.entity_a + cls.entity_b
        cls.teacher_1, cls.teacher_2 = (
            new_test_user(
                cls.env,
                login,
                groups="redu_feedback_prep.group_feedback_user",
                company_id=cls.entity_a.id,
                company_ids=[Command.set(cls.entities.ids)],
            )
            for login in ("redu_dash_confirm_teacher_1", "redu_dash_confirm_teacher_2")
        )
        cls.year = fields.Date.context_today(cls.env["res.users"]).year

    def _request(self, entity, teacher, state, year_offset=0, month=3):
        """A confirmation request as sending and answering leave it (its own addon tests how)."""
        instructor = self.env["res.partner"].create({"name": f"Instructor {state} {entity.name} {teacher.login}"})
        sent = state != "new"
        return self.env["redu.instructor.confirmation"].create(
            {
                "partner_id": instructor.id,
                "company_id": entity.id,
                "teacher_id": teacher.id,
                "state": state,
                "request_date": datetime.datetime(self.year + year_offset, month, 2, 10, 0) if sent else False,
                "request_channels": "email" if sent else "call",
            }
        )

    def _read(self, name, user=None):
        rows = self._read_pivot(self.env(user=user or self.teacher_1), self.dashboard, name, self.entities)
        return {key: [count, answered, round(share, 2)] for key, (count, answered, share) in rows.items()}

    def test_requests_sent_and_answered_per_entity_and_teacher(self):
        a, b, t1, t2 = self.entity_a, self.entity_b, self.teacher_1, self.teacher_2
        self._request(a, t1, "confirmed")
        self._request(a, t1, "corrected", month=6)
        self._request(a, t1, "requested", month=11)
        self._request(a, t2, "requested")
        self._request(a, t2, "new")  # never sent (no channel): not a request
        self._request(b, t1, "confirmed")
        self._request(b, t1, "confirmed", year_offset=-1)
        self._request(b, t2, "requested", year_offset=-1)
        self._request(b, t2, "corrected", year_offset=-2)  # before the previous period
        self.assertEqual(
            self._read("Confirmation requests"),
            {(a.id, t1.id): [3, 2, 66.67], (a.id, t2.id): [1, 0, 0.0], (b.id, t1.id): [1, 1, 100.0]},
        )
        self.assertEqual(
            self._read("Confirmation requests - previous"),
            {(b.id, t1.id): [1, 1, 100.0], (b.id, t2.id): [1, 0, 0.0]},
        )

    def test_an_answer_of_the_instructor_counts_the_request_as_answered(self):
        a, t1 = self.entity_a, self.teacher_1
        request = self._request(a, t1, "requested")
        self.assertEqual(self._read("Confirmation requests"), {(a.id, t1.id): [1, 0, 0.0]})
        # as the instructor's page stores a confirmation without changes
        request._portal_answer()
        self.assertEqual(request.state, "confirmed")
        self.assertEqual(self._read("Confirmation requests"), {(a.id, t1.id): [1, 1, 100.0]})

    def test_a_teacher_counts_the_requests_of_the_entities_they_may_see(self):
        a, t1 = self.entity_a, self.teacher_1
        teacher_a = new_test_user(
            self.env,
            "redu_dash_confirm_teacher_a",
            groups="redu_feedback_prep.group_feedback_user",
            company_id=a.id,
            company_ids=[Command.set(a.ids)],
        )
        self._request(a, t1, "confirmed")
        self._request(self.entity_b, t1, "confirmed")
        self.assertEqual(self._read("Confirmation requests", user=teacher_a), {(a.id, t1.id): [1, 1, 100.0]})

    def test_the_dashboard_is_shown_to_the_feedback_users_beside_national_feedback(self):
        dashboard = self.env.ref("spreadsheet_dashboard_redu_portal.spreadsheet_dashboard_confirmations")
        feedback = self.env.ref("spreadsheet_dashboard_redu.spreadsheet_dashboard_feedback")
        self.assertEqual(dashboard.dashboard_group_id, feedback.dashboard_group_id)
        self.assertEqual(dashboard.group_ids, feedback.group_ids)
        self.assertEqual(
            json.loads(dashboard.spreadsheet_data)["pivots"], self.dashboard["pivots"], "the data is the JSON file"
        )

    def test_finnish_user_sees_the_pivot_titles_in_finnish(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        dashboard = self.env.ref("spreadsheet_dashboard_redu_portal.spreadsheet_dashboard_confirmations")
        data = json.loads(dashboard.with_context(lang="fi_FI")._get_serialized_readonly_dashboard())
        self.assertEqual(data["translation_namespace"], "spreadsheet_dashboard_redu_portal")
        self.assertEqual(
            [pivot["name"] for pivot in data["snapshot"]["pivots"].values()],
            ["Vahvistuspyynnöt", "Vahvistuspyynnöt – edellinen jakso"],
        )

    def test_charts_requests_per_month_and_answer_rate(self):
        a, b, t1, t2 = self.entity_a, self.entity_b, self.teacher_1, self.teacher_2
        self._request(a, t1, "confirmed")
        self._request(a, t2, "requested")
        self._request(a, t1, "corrected", month=6)
        self._request(b, t1, "requested", month=6)
        self._request(b, t2, "new")  # never sent: not a request
        self._request(b, t1, "confirmed", year_offset=-1)  # the previous period: left out
        env = self.env(user=self.teacher_1)
        march, june = datetime.datetime(self.year, 3, 1), datetime.datetime(self.year, 6, 1)
        self.assertEqual(
            self._read_chart(env, self.dashboard, "Confirmation requests per month, by state", self.entities),
            {(march, "confirmed"): 1, (march, "requested"): 1, (june, "corrected"): 1, (june, "requested"): 1},
        )
        self.assertEqual(
            self._read_chart(env, self.dashboard, "Answer rate per group entity (%)", self.entities),
            {(a.id,): 200 / 3, (b.id,): 0.0},
        )
        self.assertEqual(
            self._read_chart(env, self.dashboard, "Answer rate per month (%)", b),
            {(june,): 0.0},
        )
        cells = self._scorecard_cells(self.dashboard)
        self.assertEqual(
            cells["Answer rate (%)"],
            ('=PIVOT.VALUE(1,"answered_percent:avg")+0', '=PIVOT.VALUE(2,"answered_percent:avg")+0'),
        )

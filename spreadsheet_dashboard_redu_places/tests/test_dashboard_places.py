# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The figures of the dashboard "Workplace-learning places", read from its JSON file as
spreadsheet_dashboard_redu's tests read theirs, against known data in two new group entities."""

import datetime
import json

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import file_open

from odoo.addons.spreadsheet_dashboard_redu.tests.common import DashboardDataMixin


@tagged("post_install", "-at_install")
class TestDashboardPlaces(DashboardDataMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with file_open("spreadsheet_dashboard_redu_places/data/files/places_dashboard.json") as handle:
            cls.dashboard = json.load(handle)
        cls.entity_a, cls.entity_b = cls.env["res.company"].create(
            [
                {"name": "Places Entity A", "is_redu_group_entity": True},
                {"name": "Places Entity B", "is_redu_group_entity": True},
            ]
        )
        cls.entities = cls.entity_a | cls.entity_b
        cls.teacher = new_test_user(
            cls.env,
            "redu_dash_places_teacher",
            groups="redu_feedback_prep.group_feedback_user",
            company_id=cls.entity_a.id,
            company_ids=[Command.set(cls.entities.ids)],
        )
        cls.today = fields.Date.context_today(cls.env["res.users"])
        cls.year = cls.today.year
        cls.qualification = cls.env["redu.qualification"].create({"name": "Kojelauta-ala", "code": "399995"})
        cls.rovaniemi = cls.env.ref("redu_workplace_places.municipality_rovaniemi")
        cls.inari = cls.env.ref("redu_workplace_places.municipality_inari")
        cls.level_a = cls.env.ref("redu_partnership.partnership_level_a")
        cls.employer = cls.env["res.partner"].create(
            {"name": "Kojelauta Oy", "is_company": True, "partnership_level_id": cls.level_a.id}
        )

    def _need(self, entity, municipality, wait, start):
        return self.env["redu.placement.need"].create(
            {
                "student_ref": f"D{wait}{start}",
                "company_id": entity.id,
                "qualification_id": self.qualification.id,
                "municipality_id": municipality.id,
                "date_need": self.today - datetime.timedelta(days=wait),
                "date_start": start,
                "date_end": start + datetime.timedelta(days=30),
            }
        )

    def _read(self, name):
        rows = self._read_pivot(self.env(user=self.teacher), self.dashboard, name)
        return {key: [round(value or 0, 2) for value in values] for key, values in rows.items()}

    def test_students_placed_by_the_start_and_places_used(self):
        start = max(self.today, datetime.date(self.year, 12, 1))  # a period of this year, not yet started
        place = self.env["redu.workplace.place"].create(
            {
                "employer_id": self.employer.id,
                "company_id": self.entity_a.id,
                "municipality_id": self.rovaniemi.id,
                "qualification_id": self.qualification.id,
                "date_start": start,
                "date_end": start + datetime.timedelta(days=30),
                "capacity": 3,
            }
        )
        placed = [self._need(self.entity_a, self.rovaniemi, wait, start) for wait in (10, 30)]
        for need in placed:
            need._redu_confirm_place(place, self.env["res.partner"])
        self._need(self.entity_a, self.inari, 5, start)  # without a place
        self._need(self.entity_b, self.inari, 5, start)  # without a place
        self.env.flush_all()
        by_qualification = self._read("Placed by the start - qualification")
        self.assertEqual(by_qualification, {(self.qualification.id,): [4, 50.0, 10.0]})
        by_entity = self._read("Placed by the start - entity")
        self.assertEqual(
            by_entity,
            {(self.entity_a.id,): [3, 66.67, 13.33], (self.entity_b.id,): [1, 0.0, 0.0]},
        )
        by_municipality = self._read("Placed by the start - municipality")
        self.assertEqual(by_municipality[(self.rovaniemi.id,)], [2, 100.0, 20.0])
        self.assertEqual(by_municipality[(self.inari.id,)], [2, 0.0, 0.0])
        median = self._read("Median wait")
        self.assertEqual(median, {(self.qualification.id,): [4, 2, 20.0]})
        used = self._read("Places offered and used")
        self.assertEqual(used, {(self.level_a.id, self.employer.id): [3, 2]})
        # the scorecards and charts (#23): the share placed by the start, the wait, the seats used per level
        self.assertEqual(self._read("Placed by the start - entity - previous"), {})
        self.assertEqual(self._read("Wait of the students placed"), {(self.entity_a.id,): [20.0]})
        self.assertEqual(self._read("Places per partnership level"), {(self.level_a.id,): [3, 2]})
        scorecards = self._scorecard_cells(self.dashboard)
        self.assertEqual(
            scorecards["Placed by the start (%)"],
            (
                '=PIVOT.VALUE(2,"placed_by_start_percent:avg")+0',
                '=PIVOT.VALUE(6,"placed_by_start_percent:avg")+0',
            ),
        )
        self.assertIn(
            'PIVOT.VALUE(7,"seats_taken:sum")/PIVOT.VALUE(7,"capacity:sum")',
            scorecards["Seats used of those offered (%)"][0],
        )
        env = self.env(user=self.teacher)
        month = start.replace(day=1)
        chart = self._read_chart(
            env, self.dashboard, "Students placed by the start per group entity (%)", self.entities
        )
        self.assertEqual(
            {key: round(value, 2) for key, value in chart.items()},
            {(self.entity_a.id,): 66.67, (self.entity_b.id,): 0.0},
        )
        title = "Median wait per start month, days (highest of the qualifications and municipalities)"
        self.assertEqual(self._read_chart(env, self.dashboard, title, self.entities), {(month,): 20.0})
        title = "Students needing a place per start month, by state"
        self.assertEqual(
            self._read_chart(env, self.dashboard, title, self.entity_b),
            {(month, "open"): 1},
        )
        self.assertEqual(
            self._read_chart(env, self.dashboard, title, self.entities),
            {(month, "open"): 2, (month, "placed"): 2},
        )

    def test_the_dashboard_opens_with_scorecards_and_charts_and_has_a_sample(self):
        self._check_figures(self.dashboard, "places")
        dashboard = self.env.ref("spreadsheet_dashboard_redu_places.spreadsheet_dashboard_places")
        self._check_sample(dashboard, self.dashboard, "places")
        self._check_finnish("spreadsheet_dashboard_redu_places", ["places"])

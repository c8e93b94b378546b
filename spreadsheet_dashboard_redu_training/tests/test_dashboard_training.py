# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The figures of the dashboard "Instructor training": the share of active instructors with valid training per
entity and year, and the fill rate of the sessions. The pivots are read from the dashboard's JSON file as
spreadsheet_dashboard_redu's tests read theirs.
"""

import datetime
import json

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import file_open

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.spreadsheet_dashboard_redu.tests.common import DashboardDataMixin


@tagged("post_install", "-at_install")
class TestDashboardTraining(DashboardDataMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        with file_open("spreadsheet_dashboard_redu_training/data/files/training_dashboard.json") as handle:
            cls.dashboard = json.load(handle)
        cls.entity_a, cls.entity_b = cls.env["res.company"].create(
            [
                {"name": "Training Entity A", "is_redu_group_entity": True},
                {"name": "Training Entity B", "is_redu_group_entity": True},
            ]
        )
        cls.entities = cls.entity_a + cls.entity_b
        cls.teacher = new_test_user(
            cls.env,
            "redu_dash_training_teacher",
            groups="redu_feedback_prep.group_feedback_user",
            company_id=cls.entity_a.id,
            company_ids=[Command.set(cls.entities.ids)],
        )
        cls.counter = 0
        cls.year = fields.Date.context_today(cls.env["res.users"]).year
        cls.service = cls.env["redu.service"].create(
            {
                "name": "Työpaikkaohjaajakoulutus (kojelauta)",
                "category_id": cls.env.ref("redu_services.service_category_workplace_instructor_training").id,
                "company_id": cls.entity_a.id,
                "funding": "public",
            }
        )
        cls.trained_session = cls._session(cls.entity_a, datetime.datetime(cls.year - 1, 5, 4, 8), seats=4)

    @classmethod
    def _session(cls, entity, begin, seats):
        return cls.env["event.event"].create(
            {
                "name": f"Koulutus {entity.name} {begin}",
                "redu_service_id": cls.service.id,
                "company_id": entity.id,
                "date_begin": begin,
                "date_end": begin + datetime.timedelta(hours=5),
                "seats_limited": True,
                "seats_max": seats,
            }
        )

    def _instructor(self, trained=False):
        self.counter += 1
        partner = self.env["res.partner"].create({"name": f"Ohjaaja {self.counter}"})
        if trained:
            registration = self.env["event.registration"].create(
                {"event_id": self.trained_session.id, "partner_id": partner.id}
            )
            registration.action_set_done()
        return partner

    def _period(self, entity, instructor, year, month=3):
        return self.env["redu.workplace.agreement"].create(
            {
                "agreement_type": "training_agreement",
                "instructor_id": instructor.id,
                "company_id": entity.id,
                "start_date": datetime.date(year, month, 1),
                "end_date": datetime.date(year, month, 28),
            }
        )

    def _read(self, name):
        rows = self._read_pivot(self.env(user=self.teacher), self.dashboard, name, self.entities)
        return {key: [round(value, 2) for value in values] for key, values in rows.items()}

    def test_share_of_active_instructors_with_valid_training_per_entity_and_year(self):
        a, b = self.entity_a, self.entity_b
        trained, other_trained, untrained = self._instructor(True), self._instructor(True), self._instructor()
        self._period(a, trained, self.year)
        self._period(a, trained, self.year, month=5)  # the same instructor counts once
        self._period(a, untrained, self.year)
        self._period(b, other_trained, self.year)
        self._period(b, untrained, self.year - 1)
        self._period(a, untrained, self.year - 3)  # before the previous period
        self.assertEqual(
            self._read("Instructors with valid training"),
            {(a.id,): [2, 1, 50.0], (b.id,): [1, 1, 100.0]},
        )
        self.assertEqual(self._read("Instructors with valid training - previous"), {(b.id,): [1, 0, 0.0]})
        # the scorecards: the active instructors and the share with valid training, this period and the previous
        scorecards = self._scorecard_cells(self.dashboard)
        self.assertEqual(
            scorecards["Active workplace instructors"],
            ('=PIVOT.VALUE(1,"instructor_count:sum")+0', '=PIVOT.VALUE(2,"instructor_count:sum")+0'),
        )
        self.assertEqual(
            scorecards["Instructors with valid training (%)"],
            ('=PIVOT.VALUE(1,"trained_percent:avg")+0', '=PIVOT.VALUE(2,"trained_percent:avg")+0'),
        )
        # the charts, per entity; the entity filter leaves the other entity out
        env = self.env(user=self.teacher)
        title = "Instructors with valid training per group entity"
        self.assertEqual(self._read_chart(env, self.dashboard, title, self.entities), {(a.id,): 1, (b.id,): 1})
        title = "Instructors with valid training per group entity (%)"
        self.assertEqual(self._read_chart(env, self.dashboard, title, self.entities), {(a.id,): 50.0, (b.id,): 100.0})
        self.assertEqual(self._read_chart(env, self.dashboard, title, b), {(b.id,): 100.0})

    def test_fill_rate_of_the_sessions(self):
        a, b = self.entity_a, self.entity_b
        half = self._session(a, datetime.datetime(self.year, 9, 1, 8), seats=4)
        full = self._session(a, datetime.datetime(self.year, 10, 1, 8), seats=2)
        empty = self._session(b, datetime.datetime(self.year, 11, 1, 8), seats=5)
        for session, count in ((half, 2), (full, 2)):
            for _index in range(count):
                self.env["event.registration"].create({"event_id": session.id, "partner_id": self._instructor().id})
        full.registration_ids[:1].action_set_done()
        self.assertTrue(empty)
        self.assertEqual(
            self._read("Instructor training sessions"),
            {(a.id,): [6, 4, 1, 75.0], (b.id,): [5, 0, 0, 0.0]},
        )
        # the previous period: last year's session, without registrations in this test
        self.assertEqual(self._read("Instructor training sessions - previous"), {(a.id,): [4, 0, 0, 0.0]})
        scorecards = self._scorecard_cells(self.dashboard)
        self.assertEqual(
            scorecards["Training participants registered"],
            ('=PIVOT.VALUE(3,"registered_count:sum")+0', '=PIVOT.VALUE(4,"registered_count:sum")+0'),
        )
        self.assertEqual(
            scorecards["Average fill rate of the sessions (%)"],
            ('=PIVOT.VALUE(3,"fill_rate:avg")+0', '=PIVOT.VALUE(4,"fill_rate:avg")+0'),
        )
        env = self.env(user=self.teacher)
        september, october, november = (datetime.date(self.year, month, 1) for month in (9, 10, 11))
        title = "Training participants registered per month, by group entity"
        self.assertEqual(
            self._read_chart(env, self.dashboard, title, self.entities),
            {(september, a.id): 2, (october, a.id): 2, (november, b.id): 0},
        )
        title = "Fill rate of the sessions per month (%)"
        self.assertEqual(
            self._read_chart(env, self.dashboard, title, self.entities),
            {(september,): 50.0, (october,): 100.0, (november,): 0.0},
        )

    def test_the_dashboard_opens_with_scorecards_and_charts_and_has_a_sample(self):
        self._check_figures(self.dashboard, "training")
        dashboard = self.env.ref("spreadsheet_dashboard_redu_training.spreadsheet_dashboard_training")
        self._check_sample(dashboard, self.dashboard, "training")
        self._check_finnish("spreadsheet_dashboard_redu_training", ["training"])

    def test_the_dashboard_is_shown_to_the_feedback_users_beside_national_feedback(self):
        dashboard = self.env.ref("spreadsheet_dashboard_redu_training.spreadsheet_dashboard_training")
        feedback = self.env.ref("spreadsheet_dashboard_redu.spreadsheet_dashboard_feedback")
        self.assertEqual(dashboard.dashboard_group_id, feedback.dashboard_group_id)
        self.assertEqual(dashboard.group_ids, feedback.group_ids)
        self.assertEqual(json.loads(dashboard.spreadsheet_data)["pivots"], self.dashboard["pivots"])

    def test_finnish_user_sees_the_pivot_titles_in_finnish(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        dashboard = self.env.ref("spreadsheet_dashboard_redu_training.spreadsheet_dashboard_training")
        data = json.loads(dashboard.with_context(lang="fi_FI")._get_serialized_readonly_dashboard())
        self.assertEqual(
            [pivot["name"] for pivot in data["snapshot"]["pivots"].values()],
            [
                "Työpaikkaohjaajat, joilla on voimassa oleva koulutus",
                "Työpaikkaohjaajat, joilla on voimassa oleva koulutus – edellinen jakso",
                "Työpaikkaohjaajakoulutusten tilaisuudet",
                "Työpaikkaohjaajakoulutusten tilaisuudet – edellinen jakso",
            ],
        )

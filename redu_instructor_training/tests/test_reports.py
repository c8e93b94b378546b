# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestReports(TrainingCase):
    def test_share_of_active_instructors_with_valid_training_per_entity_and_year(self):
        year = self.today.year
        trained = self._instructor(name="Kaisa Koulutettu")
        untrained = self._instructor(name="Outi Kouluttamaton")
        self._attend(self.past_session, trained)
        inside = {"start_date": date(year, 3, 1), "end_date": date(year, 4, 30)}
        # two periods of the trained instructor count once; the other entity's period counts there
        self._agreement(instructor_id=trained.id, **inside)
        self._agreement(instructor_id=trained.id, **inside)
        self._agreement(instructor_id=untrained.id, **inside)
        self._agreement(instructor_id=untrained.id, company_id=self.other_company.id, **inside)
        # a period over the turn of the year counts in both years
        self._agreement(
            instructor_id=trained.id,
            company_id=self.other_company.id,
            start_date=date(year + 1, 12, 1),
            end_date=date(year + 2, 1, 31),
        )
        Report = self.env["redu.training.competence.report"]
        domain = [("instructor_id", "in", (trained | untrained).ids)]
        rows = {
            (company.id, day.year): (count, trained_count, share)
            for company, day, count, trained_count, share in Report._read_group(
                domain,
                ["company_id", "date:year"],
                ["instructor_count:sum", "trained_count:sum", "trained_percent:avg"],
            )
        }
        self.assertEqual(
            rows,
            {
                (self.company.id, year): (2, 1, 50.0),
                (self.other_company.id, year): (1, 0, 0.0),
                (self.other_company.id, year + 1): (1, 1, 100.0),
                (self.other_company.id, year + 2): (1, 1, 100.0),
            },
        )

    def test_fill_rate_of_the_sessions(self):
        for name in ("Anna", "Bertta", "Cecilia"):
            self.Registration.create(
                {"event_id": self.session_lapland.id, "partner_id": self._instructor(name=f"{name} Ohjaaja").id}
            )
        self._attend(self.session_lapland, self._instructor(name="Daniel Ohjaaja"))
        cancelled = self.Registration.create(
            {"event_id": self.session_lapland.id, "partner_id": self._instructor(name="Eeva Peruttu").id}
        )
        cancelled.action_cancel()
        Report = self.env["redu.training.session.report"]
        row = Report.search([("event_id", "=", self.session_lapland.id)])
        self.assertEqual((row.seats_max, row.registered_count, row.attended_count), (10, 4, 1))
        self.assertAlmostEqual(row.fill_rate, 40.0)
        self.assertEqual(row.region_id, self.lapland)
        empty = Report.search([("event_id", "=", self.session_uusimaa.id)])
        self.assertEqual(empty.fill_rate, 0.0)
        # an ordinary event is not an instructor training session
        ordinary = self._session("Muu tapahtuma", days=3)
        ordinary.redu_service_id = False
        self.assertFalse(Report.search([("event_id", "=", ordinary.id)]))
        # the average per entity
        [(avg,)] = Report._read_group(
            [("event_id", "in", (self.session_lapland | self.session_uusimaa).ids)], [], ["fill_rate:avg"]
        )
        self.assertAlmostEqual(avg, 20.0)

    def test_the_reports_follow_the_entities_of_the_user(self):
        self._agreement(instructor_id=self._instructor(name="Muu Entiteetti").id, company_id=self.other_company.id)
        rows = self.as_teacher(self.env["redu.training.competence.report"]).search([])
        self.assertTrue(rows)
        self.assertEqual(rows.company_id, self.company)
        other_session = self._session("Toisen koulutus", days=3)
        other_session.company_id = self.other_company
        sessions = self.as_teacher(self.env["redu.training.session.report"]).search([])
        self.assertNotIn(other_session, sessions.event_id)
        self.assertIn(self.session_lapland, sessions.event_id)

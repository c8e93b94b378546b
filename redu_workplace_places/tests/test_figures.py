# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields

from .common import PlacesCase


class TestFigures(PlacesCase):
    def _placed(self, place, wait, start_offset, **values):
        """A need recorded ``wait`` days before today, placed today, its period starting at today+offset."""
        today = fields.Date.context_today(self.env["redu.placement.need"])
        need = self._need(
            date_need=today - timedelta(days=wait),
            date_start=today + timedelta(days=start_offset),
            date_end=today + timedelta(days=start_offset + 60),
            **values,
        )
        place.write(
            {"date_start": min(place.date_start, need.date_start), "date_end": max(place.date_end, need.date_end)}
        )
        need._redu_confirm_place(place, self.instructor_ok)
        return need

    def test_share_placed_by_the_start_and_median_wait_per_qualification(self):
        today = fields.Date.context_today(self.env["redu.placement.need"])
        place = self._place(capacity=5, date_start=today, date_end=today)
        # placed before their start: waits of 10, 20 and 60 days; one placed after its start (wait 30)
        self._placed(place, 10, 5, student_ref="A1")
        self._placed(place, 20, 5, student_ref="A2")
        self._placed(place, 60, 5, student_ref="A3")
        self._placed(place, 30, -3, student_ref="A4")
        # one student still without a place, one need cancelled (not counted)
        self._need(student_ref="A5", date_start=today + timedelta(days=5))
        self._need(student_ref="A6").action_cancel()
        self.env.flush_all()
        rows = self.env["redu.place.access.report"].search([("qualification_id", "=", self.qualification.id)])
        totals = {
            "needs": sum(rows.mapped("need_count")),
            "placed": sum(rows.mapped("placed_count")),
            "by_start": sum(rows.mapped("placed_by_start_count")),
        }
        self.assertEqual(totals, {"needs": 5, "placed": 4, "by_start": 3})
        # grouped by qualification alone: the read_group of the needs' own stored figures
        groups = self.env["redu.placement.need"]._read_group(
            [("qualification_id", "=", self.qualification.id), ("state", "!=", "cancelled")],
            ["qualification_id"],
            ["placed_by_start_percent:avg"],
        )
        self.assertEqual(groups[0][1], 60.0)  # 3 of 5
        # the median wait of the students placed, per month in which the periods start: 10, 20, 60 -> 20
        # when the late one's period starts in another month, else 10, 20, 30, 60 -> 25
        same_month = (today + timedelta(days=5)).replace(day=1) == (today - timedelta(days=3)).replace(day=1)
        row = rows.filtered(lambda row: row.period_month == (today + timedelta(days=5)).replace(day=1))
        self.assertEqual(row.median_wait_days, 25.0 if same_month else 20.0)
        self.assertEqual(row.placed_by_start_percent, 60.0 if same_month else 75.0)

    def test_places_offered_and_used_per_employer_level(self):
        level = self.env.ref("redu_partnership.partnership_level_b")
        self.employer_near.partnership_level_id = level
        place = self._place(capacity=3)
        self._place(capacity=2)
        self._need()._redu_confirm_place(place, self.instructor_ok)
        groups = self.env["redu.workplace.place"]._read_group(
            [("employer_id", "=", self.employer_near.id)],
            ["employer_level_id"],
            ["capacity:sum", "seats_taken:sum"],
        )
        self.assertEqual(groups, [(level, 5, 1)])

    def test_an_employer_offering_places_is_in_training_cooperation(self):
        employer = self.env["res.partner"].create({"name": "Uusi Tarjoaja Oy", "is_company": True})
        self.assertFalse(employer.cooperation_type)
        place = self._place(employer_id=employer.id, instructor_ids=[(5, 0, 0)])
        self.assertEqual(employer.cooperation_type, "training")
        # a developer form with it: both axes high, strategic
        employer.cooperation_form_ids = self.env.ref("redu_partnership.cooperation_form_development_project")
        self.assertEqual(employer.cooperation_type, "strategic")
        place.action_close()
        self.assertEqual(employer.cooperation_type, "developer")

    def test_share_placed_and_median_wait_per_entity_and_municipality(self):
        """Known data in two entities and two municipalities: each row its own share and median."""
        other = self.env["res.company"].create({"name": "Toinen Testientiteetti"})
        today = fields.Date.context_today(self.env["redu.placement.need"])
        place = self._place(capacity=5, date_start=today, date_end=today)
        # entity 1, Rovaniemi: waits of 4 and 8 days, both by the start; one still without a place
        self._placed(place, 4, 20, student_ref="E1")
        self._placed(place, 8, 20, student_ref="E2")
        self._need(student_ref="E3", date_start=today + timedelta(days=20), date_end=today + timedelta(days=80))
        # entity 1, Kemi: placed after the start (wait 30)
        self._placed(place, 30, -2, student_ref="E4", municipality_id=self.kemi.id)
        # entity 2, Rovaniemi: two without a place
        for ref in ("E5", "E6"):
            self._need(
                student_ref=ref,
                company_id=other.id,
                date_start=today + timedelta(days=20),
                date_end=today + timedelta(days=80),
            )
        self.env.flush_all()
        rows = self.env["redu.place.access.report"].search([("qualification_id", "=", self.qualification.id)])
        figures = {
            (row.company_id, row.municipality_id): (
                row.need_count,
                row.placed_count,
                row.placed_by_start_percent,
                row.median_wait_days,
            )
            for row in rows
        }
        self.assertEqual(
            figures,
            {
                (self.company, self.rovaniemi): (3, 2, 66.7, 6.0),
                (self.company, self.kemi): (1, 1, 0.0, 30.0),
                (other, self.rovaniemi): (2, 0, 0.0, 0.0),
            },
        )

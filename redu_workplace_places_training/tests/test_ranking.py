# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The instructor's valid workplace-instructor training in the ranking of the places."""

from datetime import datetime, time, timedelta

from odoo.tests import tagged

from odoo.addons.redu_workplace_places.tests.common import TODAY, PlacesCase


@tagged("post_install", "-at_install")
class TestTrainingInRanking(PlacesCase):
    @classmethod
    def _attend_training(cls, partner, days_ago):
        """``partner`` attended an instructor training ``days_ago`` days ago."""
        service = cls.env["redu.service"].create(
            {
                "name": f"Työpaikkaohjaajakoulutus (testi {days_ago})",
                "category_id": cls.env.ref("redu_services.service_category_workplace_instructor_training").id,
                "funding": "public",
            }
        )
        day = TODAY - timedelta(days=days_ago)
        session = cls.env["event.event"].create(
            {
                "name": f"Koulutus {days_ago} päivää sitten",
                "redu_service_id": service.id,
                "date_tz": "Europe/Helsinki",
                "date_begin": datetime.combine(day, time(7, 0)),
                "date_end": datetime.combine(day, time(13, 0)),
            }
        )
        registration = cls.env["event.registration"].create(
            {"event_id": session.id, "partner_id": partner.id, "name": partner.name, "email": partner.email}
        )
        registration.action_set_done()

    def test_a_trained_instructor_ranks_the_place_first(self):
        need = self._need()
        untrained = self._place()
        trained = self._place(employer_id=self.employer_far.id, instructor_ids=[(6, 0, self.instructor_far.ids)])
        ranked = [(row["place_id"], row["training_points"]) for row in need._redu_rank_places()]
        self.assertEqual(ranked, [(untrained.id, 0.0), (trained.id, 0.0)])

        self._attend_training(self.instructor_far, days_ago=30)
        ranked = [(row["place_id"], row["training_points"]) for row in need._redu_rank_places()]
        self.assertEqual(ranked, [(trained.id, 5.0), (untrained.id, 0.0)])

    def test_an_expired_training_counts_for_nothing(self):
        need = self._need()
        first = self._place()
        second = self._place(employer_id=self.employer_far.id, instructor_ids=[(6, 0, self.instructor_far.ids)])
        # four years ago: the default validity is three years
        self._attend_training(self.instructor_far, days_ago=4 * 366)
        self.assertTrue(self.instructor_far.redu_training_valid_until)
        ranked = [(row["place_id"], row["training_points"]) for row in need._redu_rank_places()]
        self.assertEqual(ranked, [(first.id, 0.0), (second.id, 0.0)])

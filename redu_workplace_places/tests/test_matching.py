# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from .common import PlacesCase, day


class TestMatching(PlacesCase):
    def test_places_ranked_by_unit_distance_and_past_agreements(self):
        need = self._need()
        near_unit = self._place(unit_ids=[(6, 0, [self.unit_basic.id])])
        near_other_unit = self._place(unit_ids=[(6, 0, [self.unit_special.id])])
        far_unit = self._place(
            employer_id=self.employer_far.id,
            municipality_id=self.utsjoki.id,
            unit_ids=[(6, 0, [self.unit_basic.id])],
            instructor_ids=[(6, 0, [self.instructor_far.id])],
        )
        rows = need._redu_rank_places()
        self.assertEqual([row["place_id"] for row in rows], [near_unit.id, far_unit.id, near_other_unit.id])
        first = rows[0]
        self.assertEqual(first["unit_points"], 40)
        self.assertEqual(first["distance_km"], 0.0)
        self.assertEqual(first["overlap_percent"], 100.0)
        # Rovaniemi-Utsjoki, the centres' great-circle distance (about 380 km): no distance points
        self.assertGreater(rows[1]["distance_km"], 350)
        # the instructor whose email and phone pass the national checks is proposed
        self.assertEqual(first["instructor_id"], self.instructor_ok.id)

        # past agreements with the far employer lift it over a unit mismatch nearer
        self.env["redu.workplace.agreement"].create(
            [{"employer_id": self.employer_far.id, "student_ref": f"P{i}"} for i in range(5)]
        )
        rows = need._redu_rank_places()
        self.assertEqual(rows[1]["past_agreements"], 5)
        self.assertEqual(rows[1]["place_id"], far_unit.id)

    def test_full_closed_other_period_or_other_type_are_not_candidates(self):
        need = self._need()
        good = self._place()
        full = self._place(capacity=1)
        full_need = self._need(student_ref="T101")
        full_need._redu_confirm_place(full, self.instructor_ok)
        self._place(date_start=day(100), date_end=day(160))  # after the need's period
        self._place(state="closed")
        self._place(accepts_training_agreement=False, accepts_apprenticeship=True)
        self.assertEqual([row["place_id"] for row in need._redu_rank_places()], [good.id])

    def test_the_training_hook_is_neutral_without_a_training_addon(self):
        place = self._place()
        self.assertEqual(place._redu_instructor_training_score(self.instructor_ok), 0.0)

    def test_ranking_queries_do_not_grow_with_the_places(self):
        need = self._need()
        for _i in range(3):
            self._place(unit_ids=[(6, 0, [self.unit_basic.id])])
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=12):
            need._redu_rank_places()
        for _i in range(12):
            self._place(unit_ids=[(6, 0, [self.unit_basic.id])])
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=12):
            need._redu_rank_places()

    def test_find_places_shows_the_ranked_rows(self):
        place = self._place()
        need = self._need()
        action = need.with_user(self.teacher).action_find_places()
        matches = self.env["redu.place.match"].search(action["domain"])
        self.assertEqual(matches.place_id, place)
        self.assertEqual(matches.rank, 1)

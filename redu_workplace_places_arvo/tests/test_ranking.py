# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The employer's working-life feedback from Arvo in the ranking of its places."""

from odoo.tests import tagged

from odoo.addons.redu_base.tools.dates import redu_today
from odoo.addons.redu_feedback_arvo.tools.arvo_export import half_year
from odoo.addons.redu_workplace_places.tests.common import PlacesCase


@tagged("post_install", "-at_install")
class TestFeedbackInRanking(PlacesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("redu_feedback_arvo.min_answers", "3")
        cls.question = cls.env["redu.arvo.question"].create(
            {"arvo_id": 990001, "name": "Opiskelijan ohjaus (testi)", "funding_model": True, "is_score": True}
        )
        cls.next_arvo_id = 990100

    @classmethod
    def _feedback(cls, employer, scores, answered=None):
        """Response codes of this half-year for ``employer``, the first ``answered`` answered with the
        funding-model ``scores`` (one per code)."""
        period = half_year(redu_today(cls.env["redu.arvo.target"]))
        for index, score in enumerate(scores):
            cls.next_arvo_id += 1
            target = cls.env["redu.arvo.target"].create(
                {
                    "arvo_id": cls.next_arvo_id,
                    "code": f"T{cls.next_arvo_id}",
                    "partner_id": employer.id,
                    "company_id": cls.company.id,
                    "half_year": period,
                }
            )
            if answered is None or index < answered:
                cls.env["redu.arvo.answer"].create(
                    {
                        "arvo_id": cls.next_arvo_id,
                        "target_id": target.id,
                        "question_id": cls.question.id,
                        "score": score,
                    }
                )

    def _ranked(self, need):
        return [(row["place_id"], row["feedback_points"]) for row in need._redu_rank_places()]

    def test_good_feedback_ranks_an_employer_over_poor_feedback(self):
        need = self._need()
        # two places alike but for the employer (and its instructor): a tie, the first created first
        poor = self._place()
        good = self._place(employer_id=self.employer_far.id, instructor_ids=[(6, 0, self.instructor_far.ids)])
        self.assertEqual(self._ranked(need), [(poor.id, 0.0), (good.id, 0.0)])

        self._feedback(self.employer_far, [5, 5, 4, 4])  # mean 4.5: +3.75
        self._feedback(self.employer_near, [2, 1, 2])  # mean 5/3: -3.3
        self.env.flush_all()
        self.assertEqual(self._ranked(need), [(good.id, 3.8), (poor.id, -3.3)])
        rows = need._redu_rank_places()
        self.assertGreater(rows[0]["score"], rows[1]["score"])

    def test_feedback_below_the_minimum_of_answers_is_neutral(self):
        need = self._need()
        first = self._place()
        second = self._place(employer_id=self.employer_far.id, instructor_ids=[(6, 0, self.instructor_far.ids)])
        # five codes, two answered: below the minimum of three, the score is not shown and counts for nothing
        self._feedback(self.employer_far, [5, 5, 5, 5, 5], answered=2)
        self.env.flush_all()
        self.assertEqual(self._ranked(need), [(first.id, 0.0), (second.id, 0.0)])

    def test_one_query_reads_the_feedback_of_all_the_places(self):
        places = self._place() | self._place(employer_id=self.employer_far.id)
        self._feedback(self.employer_far, [4, 4, 4])
        self.env.flush_all()
        places._redu_employer_feedback_points()  # the settings read once (cached)
        with self.assertQueryCount(1):
            points = places._redu_employer_feedback_points()
        self.assertEqual(points, {self.employer_far.id: 2.5})

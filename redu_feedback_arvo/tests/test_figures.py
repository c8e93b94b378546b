# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The figures users see, computed against the known data of the fixtures (min. answers 2)."""

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ArvoCase


@tagged("post_install", "-at_install")
class TestFigures(ArvoCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.job = cls._import_file()

    def _partner_stats(self, partner):
        return {
            (stat.company_id, stat.half_year): (
                stat.target_count,
                stat.answered_count,
                stat.answer_rate,
                stat.shown and stat.funding_mean,
            )
            for stat in partner.arvo_partner_stat_ids
        }

    def test_partner_answers_rate_and_funding_mean_per_half_year(self):
        # H1: two codes answered, funding-model scores 2, 4, 5, 4; H2: one answered code, below the minimum
        self.assertEqual(
            self._partner_stats(self.employer),
            {(self.company, "2025-H1"): (2, 2, 100.0, 3.75), (self.company, "2025-H2"): (1, 1, 100.0, False)},
        )
        self.assertEqual(
            self._partner_stats(self.employer_b),
            {(self.company_b, "2025-H2"): (1, 1, 100.0, False), (self.company, "2025-H2"): (1, 0, 0.0, False)},
        )

    def test_question_means_with_their_trend_only_from_the_minimum_answers(self):
        stats = self.employer.arvo_question_stat_ids.filtered(lambda stat: stat.question_id.arvo_id == 7001)
        by_half = {stat.half_year: stat for stat in stats}
        self.assertEqual((by_half["2025-H1"].answer_count, by_half["2025-H1"].mean), (2, 3.5))
        self.assertEqual(
            (by_half["2025-H2"].answer_count, by_half["2025-H2"].shown, by_half["2025-H2"].mean), (1, False, 0.0)
        )
        self.env["ir.config_parameter"].set_param("redu_feedback_arvo.min_answers", "1")
        self.env.invalidate_all()
        stats = self.employer.arvo_question_stat_ids.filtered(lambda stat: stat.question_id.arvo_id == 7001)
        h2 = stats.filtered(lambda stat: stat.half_year == "2025-H2")
        self.assertEqual((h2.mean, h2.previous_mean, h2.trend), (3.0, 3.5, -0.5))

    def test_themes(self):
        themes = {
            (stat.half_year, stat.theme): (stat.answer_count, stat.mean) for stat in self.employer.arvo_theme_stat_ids
        }
        self.assertEqual(themes[("2025-H1", "ohjaus")], (2, 3.5))
        self.assertEqual(themes[("2025-H1", "yhteistyo")], (2, 4.0))

    def test_the_agreement_tells_whether_its_period_was_answered(self):
        self.assertEqual(
            [
                a.arvo_feedback_state
                for a in (self.agreement_1, self.agreement_3, self.agreement_4, self.agreement_none)
            ],
            ["answered", "answered", "unanswered", "none"],
        )

    def test_actual_reach_beside_the_predicted_reach_per_entity_and_rule(self):
        self._set_predictions()
        rows = self.env["redu.arvo.reach.report"].search(
            [("company_id", "in", self.companies.ids), ("year", "=", 2025)]
        )
        figures = {
            (row.company_id, row.prediction): (
                row.agreement_count,
                row.predicted_count,
                row.actual_count,
                row.answered_count,
                row.accuracy,
            )
            for row in rows
        }
        self.assertEqual(
            figures,
            {
                (self.company, "reaches"): (3, 3, 2, 2, 66.7),
                (self.company, "not_reached"): (1, 0, 1, 0, 0.0),
                (self.company_b, "hoks_rejected"): (1, 0, 1, 1, 0.0),
            },
        )

    def test_a_low_funding_model_score_becomes_an_activity_of_the_account_manager_once(self):
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "res.partner"), ("res_id", "=", self.employer.id)]
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.account_manager)
        self.assertIn("TEP1001", str(activities.note))
        self.assertIn("liian vähän aikaa", str(activities.note), "with the free text of the code")
        self.assertEqual(self.job.counts["alerts"], 1)
        self._import_file()
        self.assertEqual(
            self.env["mail.activity"].search_count(
                [("res_model", "=", "res.partner"), ("res_id", "=", self.employer.id)]
            ),
            1,
        )

    @freeze_time("2026-06-15")
    def test_good_feedback_raises_the_suggested_partnership_level(self):
        level_c = self.env.ref("redu_partnership.partnership_level_c")
        self.assertNotEqual(self.employer.suggested_partnership_level_id, level_c, "mean 3.75: not good")
        Partner = self.env["res.partner"]
        self.assertNotIn(self.employer, Partner.search([("suggested_level_differs", "=", True)]))
        self.Answer.search([("arvo_id", "=", 20001)]).sudo().write({"score": 5})
        # the answers change by an import, which tells the cached set of good-feedback partners
        Partner._arvo_feedback_changed()
        self.employer.invalidate_recordset()
        self.assertEqual(self.employer.suggested_partnership_level_id, level_c)
        # the filter "Suggested level differs" agrees with the raised suggestion
        self.assertTrue(self.employer.suggested_level_differs)
        self.assertIn(self.employer, Partner.search([("suggested_level_differs", "=", True)]))
        self.assertNotIn(self.employer, Partner.search([("suggested_level_differs", "=", False)]))
        self.assertNotIn(self.employer, Partner.search([("suggested_level_differs", "not in", [True])]))
        self.employer.partnership_level_id = level_c
        self.assertFalse(self.employer.suggested_level_differs)
        self.assertNotIn(self.employer, Partner.search([("suggested_level_differs", "=", True)]))
        self.assertIn(self.employer, Partner.search([("suggested_level_differs", "=", False)]))
        # as a salesperson (partnership user) too
        as_manager = Partner.with_user(self.account_manager)
        self.assertIn(self.employer, as_manager.search([("suggested_level_differs", "=", False)]))

    def test_an_unanswered_workplace_survey_after_the_reminders_goes_to_the_account_manager(self):
        bundle = (
            self.env["redu.tpk.bundle"]
            .sudo()
            .create(
                {
                    "name": "lapin_testirakennus_oy/0112038-9/test",
                    "period_start": "2025-01-01",
                    "period_end": "2025-06-30",
                    "employer_id": self.employer.id,
                    "workplace_name": "Lapin Testirakennus Oy",
                    "company_id": self.company.id,
                    "survey_url": "https://arvovastaus.csc.fi/v/TPK1",
                    "valid_to": "2025-08-31",
                    "sent_date": "2025-07-01 08:00:00",
                    "reminder_count": 2,
                }
            )
        )
        self.assertEqual(bundle.state, "sent")
        self.assertEqual(self.env["redu.tpk.bundle"]._cron_arvo_unanswered(), 1)
        activity = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", self.employer.id),
                ("summary", "=", "Workplace survey not answered"),
            ]
        )
        self.assertEqual(activity.user_id, self.account_manager)
        self.assertIn("TPK1", str(activity.note))
        self.assertEqual(self.env["redu.tpk.bundle"]._cron_arvo_unanswered(), 0, "once")

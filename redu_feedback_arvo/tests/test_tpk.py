# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The workplace survey's answers imported from Arvo count on redu_feedback_tpk's bundles."""

from odoo.tests import tagged

from .common import BID_A, ArvoCase


@tagged("post_install", "-at_install")
class TestTpkBundles(ArvoCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Bundle = cls.env["redu.tpk.bundle"].sudo()
        common = {
            "period_start": "2025-01-01",
            "period_end": "2025-06-30",
            "company_id": cls.company.id,
            "valid_to": "2025-08-31",
            "sent_date": "2025-07-16 08:00:00",
        }
        # the link imported with its code (Arvo's link file, column tunnus)
        cls.bundle_code = Bundle.create(
            dict(
                common,
                name="tpk/a",
                employer_id=cls.employer.id,
                business_id=BID_A,
                workplace_name="Lapin Testirakennus Oy",
                normalized_name="lapin_testirakennus_oy",
                survey_code="TPK4001",
                survey_url="https://arvovastaus.csc.fi/v/TPK4001",
                reminder_count=2,
            )
        )
        # a link without its code: the bundle's key (Y-tunnus as the employer has it written, name, period)
        cls.bundle_key = Bundle.create(
            dict(
                common,
                name="tpk/b",
                employer_id=cls.employer_b.id,
                business_id="FI15728600",
                workplace_name="Napapiirin Testihoiva Oy",
                normalized_name="napapiirin_testihoiva_oy",
                survey_url="https://arvovastaus.csc.fi/v/TPK4002",
                reminder_count=1,
            )
        )
        # answered by nobody
        cls.bundle_silent = Bundle.create(
            dict(
                common,
                name="tpk/c",
                employer_id=cls.employer_b.id,
                business_id="FI15728600",
                workplace_name="Napapiirin Testihoiva Oy, Rovaniemi",
                normalized_name="napapiirin_testihoiva_oy_rovaniemi",
                survey_code="TPK4003",
                survey_url="https://arvovastaus.csc.fi/v/TPK4003",
                reminder_count=2,
            )
        )
        cls.employer_b.user_id = cls.account_manager
        cls.bundles = cls.bundle_code | cls.bundle_key | cls.bundle_silent

    def test_imported_answers_count_on_the_bundles_and_the_unanswered_one_is_followed_up(self):
        self.assertEqual(set(self.bundles.mapped("state")), {"sent"})
        job = self._import_file("tpk_2025.json")
        self.assertEqual(job.state, "done")
        first, second, third = (self.target(code) for code in ("TPK4001", "TPK4002", "TPK4003"))
        self.assertEqual(
            (first.tpk_bundle_id, second.tpk_bundle_id, third.tpk_bundle_id),
            (self.bundle_code, self.bundle_key, self.bundle_silent),
        )
        # the bundle tells the entity the workplace survey's code has no OIDs for
        self.assertEqual(
            (first.partner_id, first.company_id, first.match_state), (self.employer, self.company, "matched")
        )
        # two respondents answered the first link, one the second (vastaajaid), none the third
        self.assertEqual(self.bundles.mapped("answer_count"), [2, 1, 0])
        self.assertEqual(self.bundles.mapped("state"), ["answered", "answered", "sent"])
        rate = self.env["redu.tpk.bundle"]._read_group([("id", "in", self.bundles.ids)], [], ["answer_rate:avg"])[0][0]
        self.assertAlmostEqual(rate, 200 / 3, places=2)
        # the loop: only the unanswered bundle after its reminders becomes the account manager's activity
        self.assertEqual(self.env["redu.tpk.bundle"]._cron_arvo_unanswered(), 1)
        self.assertEqual(self.bundles.mapped("arvo_alerted"), [False, False, True])
        # a re-import doubles nothing
        self._import_file("tpk_2025.json")
        self.assertEqual(self.bundles.mapped("answer_count"), [2, 1, 0])
        self.assertEqual(self.Answer.search_count([("target_id.tpk_bundle_id", "in", self.bundles.ids)]), 4)

    def test_a_code_imported_before_its_link_counts_once_matched_again(self):
        bundle = self.bundle_code
        bundle.sudo().write({"survey_code": False, "normalized_name": "toinen_toimipaikka"})
        self._import_file("tpk_2025.json")
        first = self.target("TPK4001")
        self.assertFalse(first.tpk_bundle_id)
        self.assertEqual(first.match_state, "partial")
        self.assertIn("No workplace survey bundle has the code TPK4001", first.match_error)
        self.assertEqual(bundle.answer_count, 0)
        bundle.sudo().survey_code = "TPK4001"
        first.with_user(self.feedback_admin).action_match_again()
        self.assertEqual((first.tpk_bundle_id, first.match_state), (bundle, "matched"))
        self.assertEqual((bundle.answer_count, bundle.state), (2, "answered"))

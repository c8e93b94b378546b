# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import json

import requests

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import API, ArvoCase, FixtureAdapter

JOB_LOGGER = "odoo.addons.redu_background.models.redu_background_job"
FIRST_PAGES = {
    API + "kyselykerrat": "kyselykerrat.json",
    API + "kysymykset": "kysymykset.json",
    API + "kohteet?limit=5000&nayta_vastaamattomat=true": "kohteet_1.json",
    API + "kohteet?limit=4&nayta_vastaamattomat=true&since=1004": "kohteet_2.json",
    API + "vastaukset?limit=5000": "vastaukset_1.json",
    API + "vastaukset?limit=5&since=20005": "vastaukset_2.json",
}


@tagged("post_install", "-at_install")
class TestImport(ArvoCase):
    def _assert_year_imported(self):
        self.assertEqual(self.Target.search_count([("arvo_id", "in", list(range(1001, 1008)) + [1999])]), 8)
        self.assertEqual(self.Answer.search_count([("arvo_id", ">=", 20001), ("arvo_id", "<=", 20009)]), 9)
        self.assertEqual(self.env["redu.arvo.question"].search_count([("arvo_id", "in", [7001, 7002, 7003, 7004])]), 4)

    def test_file_import_matches_answers_and_a_second_import_doubles_nothing(self):
        job = self._import_file()
        self.assertEqual(job.state, "done")
        self.assertEqual(job.progress, 100.0)
        self._assert_year_imported()
        first, second, third = self.target("TEP1001"), self.target("TEP1002"), self.target("TEP1003")
        # the Y-tunnus and the period's dates; two agreements of the period told apart by the unit
        self.assertEqual(
            (first.partner_id, first.agreement_id, first.company_id), (self.employer, self.agreement_1, self.company)
        )
        self.assertEqual(second.agreement_id, self.agreement_2)
        # the Y-tunnus written FI15728600 on the partner; the office's OID decides the entity
        self.assertEqual(
            (third.partner_id, third.agreement_id, third.company_id),
            (self.employer_b, self.agreement_3, self.company_b),
        )
        self.assertEqual(self.target("TEP1006").agreement_id, self.agreement_4)
        self.assertEqual(set((first | second | third).mapped("match_state")), {"matched"})
        # what cannot be matched is kept and listed with the reason
        unknown, invalid, no_period, no_code = (
            self.target(code) for code in ("TEP1004", "TEP1005", "TEP1007", "TEP1999")
        )
        self.assertEqual(unknown.match_state, "unmatched")
        self.assertIn("No employer with the Y-tunnus 2222222-9", unknown.match_error)
        self.assertIn("1234567-2 is not a valid Y-tunnus", invalid.match_error)
        self.assertEqual((no_period.match_state, no_period.partner_id), ("partial", self.employer))
        self.assertIn("No workplace agreement of the period 2025-08-01 – 2025-10-31", no_period.match_error)
        self.assertEqual((no_code.match_state, len(no_code.answer_ids)), ("unmatched", 1))
        self.assertEqual(
            sorted(job.line_ids.mapped("ref")),
            ["TEP1004", "TEP1005", "TEP1007", "TEP1999"],
            "each unmatched code reported",
        )
        self.assertEqual(job.counts["answers"], 9)

        again = self._import_file()
        self.assertEqual(again.state, "done")
        self._assert_year_imported()
        self.assertEqual(again.counts.get("answers", 0), 0)
        self.assertEqual(again.counts["skipped"], 9 + 7)

    def test_an_answer_file_alone_keeps_its_answers_on_unmatched_codes(self):
        job = self._import_file("vastaukset_only.json")
        self.assertEqual(job.state, "done")
        self.assertEqual(self.Answer.search_count([("arvo_id", "in", [20001, 20002, 20003, 20004, 20005])]), 5)
        self.assertEqual(set(self.target("TEP1001").mapped("match_state")), {"unmatched"})
        # the codes imported later are not doubled
        self._import_file()
        self.assertEqual(len(self.target("TEP1001")), 1)

    def test_a_bad_record_is_reported_and_the_others_imported(self):
        content = (
            b'{"data": [{"vastausid": 1, "vastaajatunnusid": 5, "kysymysid": null, "vastausaika": "2025-01-01"},'
            b' {"vastausid": 2, "vastaajatunnusid": 5, "kysymysid": 7001, "vastausaika": "2025-01-01",'
            b' "numerovalinta": 4}]}'
        )
        job = self._import_file(content=content)
        self.assertEqual(job.state, "done")
        self.assertEqual(self.Answer.search([("arvo_id", "in", [1, 2])]).mapped("arvo_id"), [2])
        bad = job.line_ids.filtered(lambda line: line.ref == "vastaukset 1")
        self.assertIn("kysymysid missing", bad.message)

    def test_a_file_that_is_not_the_export_is_refused_with_a_clear_error(self):
        wizard = self.env["redu.arvo.import.wizard"].with_user(self.feedback_admin)
        for content in (b"vastausid;kysymysid\n1;2\n", b'{"data": [{"foo": 1}]}'):
            with self.assertRaisesRegex(UserError, "not a JSON file of Arvo's export API"):
                wizard.create(
                    {"source": "file", "file": base64.b64encode(content), "filename": "x.json"}
                ).action_import()

    def test_api_import_follows_the_pages_and_asks_only_what_is_new_next_time(self):
        adapter = FixtureAdapter(FIRST_PAGES)
        job = self._import_api(adapter)
        self.assertEqual(job.state, "done", job.error)
        self._assert_year_imported()
        self.assertEqual(len(adapter.asked), 6)
        self.assertTrue(adapter.authorizations and all(adapter.authorizations), "basic auth of the settings' user")
        adapter = FixtureAdapter({API + "kyselykerrat": "kyselykerrat.json", API + "kysymykset": "kysymykset.json"})
        job = self._import_api(adapter)
        self.assertEqual(job.state, "done", job.error)
        self.assertIn(API + "kohteet?limit=5000&since=1007&nayta_vastaamattomat=true", adapter.asked)
        self.assertIn(API + "vastaukset?limit=5000&since=20009", adapter.asked)
        self._assert_year_imported()

    def test_an_interrupted_api_import_resumes_where_it_stopped(self):
        pages = dict(FIRST_PAGES)
        pages[API + "vastaukset?limit=5&since=20005"] = requests.ConnectionError("connection reset")
        with mute_logger(JOB_LOGGER):
            job = self._import_api(FixtureAdapter(pages))
        self.assertEqual(job.state, "failed")
        self.assertIn("Arvo cannot be reached", job.error)
        self.assertEqual(
            self.Answer.search_count([("arvo_id", ">=", 20001), ("arvo_id", "<=", 20009)]), 5, "page 1 kept"
        )
        adapter = FixtureAdapter(
            {
                API + "kyselykerrat": "kyselykerrat.json",
                API + "kysymykset": "kysymykset.json",
                API + "vastaukset?limit=5000&since=20005": "vastaukset_2.json",
            }
        )
        job = self._import_api(adapter)
        self.assertEqual(job.state, "done", job.error)
        self._assert_year_imported()

    def test_the_credentials_are_sent_to_the_configured_server_only(self):
        pages = dict(FIRST_PAGES)
        pages[API + "kohteet?limit=5000&nayta_vastaamattomat=true"] = json.dumps(
            {"data": [], "pagination": {"next_url": "https://arvo.example.com/api/export/v1/kohteet?since=1"}}
        ).encode()
        adapter = FixtureAdapter(pages)
        with mute_logger(JOB_LOGGER):
            job = self._import_api(adapter)
        self.assertEqual(job.state, "failed")
        self.assertIn("next page on another server", job.error)
        self.assertFalse([url for url in adapter.asked if "arvo.example.com" in url])

    def test_matching_again_after_a_partner_gets_its_y_tunnus(self):
        self._import_file()
        unknown = self.target("TEP1004")
        partner = self.env["res.partner"].create(
            {"name": "Tuntematon Yritys Oy", "is_company": True, "company_registry": "2222222-9"}
        )
        with self.assertRaisesRegex(UserError, "Only the feedback administrators"):
            unknown.with_user(self.teacher).action_match_again()
        unknown.with_user(self.feedback_admin).action_match_again()
        self.assertEqual((unknown.partner_id, unknown.match_state), (partner, "partial"))

    def test_the_demo_answers_of_the_agreements_match_them(self):
        """setup/demo_data.py's answers (tools/arvo_demo.from_agreements): the codes of the ended periods match
        their agreements and entities, so the demo shows the agreements' feedback and the entities' reach."""
        self._set_predictions()
        agreements = self.agreement_1 | self.agreement_2 | self.agreement_3 | self.agreement_4 | self.agreement_none
        job = self.Import._arvo_demo_import_agreements(agreements)
        self.assertEqual(job.state, "done")
        targets = self.Target.search([("code", "=like", "DEMOJ%")])
        self.assertGreaterEqual(len(targets), 3, "most of the periods predicted reached have a code")
        self.assertEqual(set(targets.mapped("match_state")), {"matched"})
        self.assertEqual({t.company_id for t in targets}, {t.agreement_id.company_id for t in targets})
        self.assertTrue(targets.answer_ids, "some answered, in Finnish")
        self.assertIn(self.company_b, self.env["redu.arvo.entity.map"].search([]).company_id)

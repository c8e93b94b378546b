# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Who sees what, with a user of each demo role (setup/demo_data.py DEMO_USERS)."""

import base64

import requests

from odoo.exceptions import AccessError, UserError
from odoo.service.model import call_kw
from odoo.tests import tagged

from .common import API, ArvoCase, FixtureAdapter
from .test_import import FIRST_PAGES


@tagged("post_install", "-at_install")
class TestAccess(ArvoCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._import_file()
        cls.free_text = cls.env["redu.arvo.answer"].search([("arvo_id", "=", 20003)])

    def test_the_feedback_administrator_reads_every_answer_and_free_text(self):
        answers = self.Answer.with_user(self.feedback_admin).search(
            [("arvo_id", ">=", 20001), ("arvo_id", "<=", 20009)]
        )
        self.assertEqual(len(answers), 9)
        self.assertIn("liian vähän aikaa", self.free_text.with_user(self.feedback_admin).free_text)

    def test_the_account_manager_reads_the_answers_of_their_partners_only(self):
        answers = self.Answer.with_user(self.account_manager).search(
            [("arvo_id", ">=", 20001), ("arvo_id", "<=", 20009)]
        )
        self.assertEqual(answers.partner_id, self.employer)
        self.assertEqual(sorted(answers.mapped("arvo_id")), [20001, 20002, 20003, 20004, 20005, 20008])
        self.assertIn("liian vähän aikaa", self.free_text.with_user(self.account_manager).free_text)
        # the feedback tab's figures
        stats = self.employer.with_user(self.account_manager).arvo_partner_stat_ids
        self.assertEqual(sorted(stats.mapped("half_year")), ["2025-H1", "2025-H2"])
        self.assertFalse(self.Target.with_user(self.account_manager).search([("partner_id", "=", self.employer_b.id)]))

    def test_a_teacher_sees_the_figures_not_the_single_answers(self):
        teacher = self.teacher
        self.assertTrue(self.as_user(self.Target, teacher).search([("code", "=", "TEP1001")]))
        self.assertFalse(
            self.as_user(self.Answer, teacher).search([]), "no single answer of a partner they do not manage"
        )
        with self.assertRaises(AccessError):
            self.as_user(self.free_text, teacher).read(["free_text"])
        stats = self.as_user(self.employer, teacher).arvo_partner_stat_ids
        self.assertEqual(len(stats), 2)
        # an entity they do not belong to
        self.assertFalse(self.as_user(self.Target, teacher).search([("code", "=", "TEP1003")]))
        self.assertEqual(self.as_user(self.agreement_1, teacher).arvo_feedback_state, "answered")

    def test_a_teacher_who_is_the_account_manager_reads_the_free_text_of_that_partner_only(self):
        self.employer.user_id = self.teacher
        self.assertEqual(self.as_user(self.free_text, self.teacher).free_text, self.free_text.free_text)
        answers = self.as_user(self.Answer, self.teacher).search([])
        self.assertEqual(answers.partner_id, self.employer)
        # the former account manager no longer reads them
        self.assertFalse(self.Answer.with_user(self.account_manager).search([("partner_id", "=", self.employer.id)]))

    def test_a_finance_user_sees_no_feedback(self):
        for model in ("redu.arvo.answer", "redu.arvo.target", "redu.arvo.partner.stat", "redu.arvo.reach.report"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.finance).search([])

    def test_only_the_feedback_administrator_imports(self):
        with self.assertRaisesRegex(UserError, "Only the feedback administrators"):
            self.env["redu.arvo.import"].with_user(self.teacher)._arvo_start("api")
        with self.assertRaises(AccessError):
            self.env["redu.arvo.import.wizard"].with_user(self.teacher).create({"source": "api"})
        with self.assertRaises(AccessError):
            self.Answer.with_user(self.feedback_admin).search([], limit=1).write({"score": 1})

    def test_the_api_credentials_are_readable_by_the_system_administrators_only(self):
        settings = self.env["res.config.settings"]
        self.assertEqual(settings._fields["redu_arvo_api_password"].groups, "base.group_system")
        with self.assertRaises(AccessError):
            self.env["ir.config_parameter"].with_user(self.feedback_admin).search(
                [("key", "=", "redu_feedback_arvo.api_password")]
            ).read(["value"])

    def test_a_feedback_administrator_cannot_read_the_credentials_over_rpc(self):
        """The feedback administrator (no Settings rights) calls what a JSON-RPC client may call
        (odoo.service.model.call_kw, as /web/dataset/call_kw and /xmlrpc do): every way is refused."""
        admin = self.feedback_admin
        self.assertFalse(admin.has_group("base.group_system"))
        Param = self.env["ir.config_parameter"].with_user(admin)
        key = "redu_feedback_arvo.api_password"
        for method, args, kwargs in (
            ("get_param", [key], {}),
            ("search_read", [[("key", "=", key)], ["value"]], {}),
            ("read", [[self.env["ir.config_parameter"].search([("key", "=", key)]).id], ["value"]], {}),
        ):
            with self.subTest(method=method), self.assertRaises(AccessError):
                call_kw(Param, method, args, kwargs)
        # nor through the settings' fields, nor through the import's private reader
        with self.assertRaises(AccessError):
            call_kw(self.env["res.config.settings"].with_user(admin), "create", [{}], {})
        with self.assertRaises(AccessError):
            call_kw(self.env["redu.arvo.import"].with_user(admin), "_arvo_param", ["api_password"], {})
        # the system administrator does read it
        self.assertEqual(call_kw(self.env["ir.config_parameter"], "get_param", [key], {}), "secret")

    def test_the_credentials_never_appear_in_the_task_report_nor_the_log(self):
        pages = dict(FIRST_PAGES)
        pages[API + "vastaukset?limit=5000"] = requests.ConnectionError(f"connection reset by {API}")
        with self.assertLogs("odoo", level="DEBUG") as logs:
            job = self._import_api(FixtureAdapter(pages))
        self.assertEqual(job.state, "failed")
        header = base64.b64encode(b"redu-export:secret").decode()
        written = "\n".join(
            [job.error or "", str(job.payload), str(job.counts), *job.line_ids.mapped("message"), *logs.output]
        )
        self.assertIn("Arvo cannot be reached", written)
        self.assertNotIn("secret", written)
        self.assertNotIn(header, written)

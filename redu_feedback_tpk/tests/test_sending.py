# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import UserError

from .common import BID_A, BID_B, STUDENTS, TpkCase

TODAY = "odoo.addons.redu_feedback_tpk.models.redu_tpk_bundle.fields.Date.context_today"


class TestSending(TpkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._agreement(student_name=STUDENTS[0])
        cls._agreement(student_name=STUDENTS[1], end_date=date(2026, 12, 1))
        cls._agreement(employer_id=cls.employer_b.id, instructor_id=cls.instructor_b.id, student_name=STUDENTS[2])
        bundles = cls.Bundle._tpk_predict(date(2026, 7, 1), cls.company)["bundles"]
        cls.bundle_a = bundles.filtered(lambda b: b.business_id == BID_A)
        cls.bundle_b = bundles.filtered(lambda b: b.business_id == BID_B)
        wizard = cls.env["redu.tpk.import.wizard"].create(
            {
                "file": cls._csv(
                    [
                        cls._row("TPK1", BID_A, "Lapin Testirakennus Oy"),
                        cls._row("TPK2", BID_B, "Napapiirin Testihoiva Oy"),
                    ]
                )
            }
        )
        wizard.action_import()

    def _mails(self):
        return self.env["mail.mail"].search([("model", "=", "res.partner"), ("res_id", "in", self.employer.ids)])

    def _send(self, bundles, day=date(2027, 1, 10)):
        with patch(TODAY, return_value=day):
            return bundles.with_user(self.manager).action_send_links()

    def _remind(self, bundles, day):
        with patch(TODAY, return_value=day):
            return bundles.with_user(self.manager).action_send_reminders()

    def test_one_email_per_bundle_logged_on_the_employer_and_no_duplicate(self):
        bundles = self.bundle_a | self.bundle_b
        self._send(bundles)
        mail = self._mails()
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.survey_contact)
        self.assertFalse(mail.auto_delete)
        self.assertEqual(mail.state, "outgoing")
        self.assertIn("https://arvovastaus.csc.fi/v/TPK1", mail.body_html)
        self.assertIn(mail.mail_message_id, self.employer.message_ids)
        self.assertEqual(self.bundle_a.state, "sent")
        # the employer without a survey contact is skipped, not sent to anybody
        self.assertEqual(self.bundle_b.state, "link")
        # pressed twice: nothing more
        self._send(bundles)
        self.assertEqual(len(self._mails()), 1)

    def test_many_bundles_are_sent_by_a_background_task(self):
        self.env["ir.config_parameter"].sudo().set_param("redu_background.threshold.sending", "1")
        bundles = self.bundle_a | self.bundle_b
        action = self._send(bundles)
        job = self.env["redu.background.job"].browse(action["res_id"])
        self.assertEqual((job.user_id, job.state, job.total), (self.manager, "queued", 2))
        self.assertFalse(self._mails(), "nothing rendered in the request")
        with patch(TODAY, return_value=date(2027, 1, 10)):
            self.env["redu.background.job"]._cron_run_jobs()
        self.assertEqual((job.state, job.counts), ("done", {"sent": 1, "skipped": 1}))
        self.assertEqual(len(self._mails()), 1)
        self.assertEqual(self.bundle_a.state, "sent")

    def test_mails_never_contain_student_names(self):
        self._send(self.bundle_a)
        self.bundle_a.sent_date = fields.Datetime.now() - timedelta(days=8)
        self._remind(self.bundle_a, date(2027, 1, 20))
        mails = self._mails()
        self.assertEqual(len(mails), 2)
        for mail in mails:
            text = f"{mail.subject} {mail.body_html}"
            # the periods are summarised: how many, which qualifications
            self.assertIn("Lapin Testirakennus Oy", text)
            for student in STUDENTS:
                self.assertNotIn(student, text)
        self.assertIn("2 workplace period(s)", mails.filtered(lambda m: "Reminder" not in m.subject).body_html)

    def test_reminders_at_most_twice_a_week_apart_and_never_after_the_window(self):
        self._send(self.bundle_a)
        sent = fields.Datetime.now() - timedelta(days=8)
        self.bundle_a.sent_date = sent
        self._remind(self.bundle_a, date(2027, 1, 20))
        self.assertEqual(self.bundle_a.reminder_count, 1)
        # pressed again: the last reminder is too recent
        self._remind(self.bundle_a, date(2027, 1, 20))
        self.assertEqual(self.bundle_a.reminder_count, 1)
        self.bundle_a.last_reminder_date = sent
        self._remind(self.bundle_a, date(2027, 1, 28))
        self.assertEqual(self.bundle_a.reminder_count, 2)
        self.bundle_a.last_reminder_date = sent
        self._remind(self.bundle_a, date(2027, 2, 5))
        self.assertEqual(self.bundle_a.reminder_count, 2)
        self.assertEqual(len(self._mails()), 3)

    def test_no_reminder_after_the_window_or_to_an_answered_bundle(self):
        self._send(self.bundle_a)
        self.bundle_a.sent_date = fields.Datetime.now() - timedelta(days=30)
        self._remind(self.bundle_a, date(2027, 3, 1))
        self.assertEqual(self.bundle_a.reminder_count, 0)
        self.bundle_a.answer_count = 1
        self._remind(self.bundle_a, date(2027, 2, 1))
        self.assertEqual(self.bundle_a.reminder_count, 0)
        self.assertEqual(len(self._mails()), 1)

    def test_no_link_sent_after_its_validity(self):
        with self.assertRaisesRegex(UserError, "cannot be sent"):
            self._send(self.bundle_a, day=date(2027, 3, 1))
        self.assertFalse(self.bundle_a.sent_date)
        self.assertFalse(self._mails())

    def test_reminder_cron_is_off_by_default(self):
        cron = self.env.ref("redu_feedback_tpk.ir_cron_tpk_reminders")
        self.assertFalse(cron.active)

    def test_answer_rate_by_period_entity_and_account_manager(self):
        self.employer.user_id = self.manager
        self.employer_b.tpk_contact_id = self.instructor_b
        self._send(self.bundle_a | self.bundle_b)
        self.bundle_a.answer_count = 4
        groups = self.Bundle._read_group(
            [("sent_date", "!=", False)], ["period_code", "company_id"], ["answer_rate:avg", "__count"]
        )
        self.assertEqual(groups, [("2026-07-01_2026-12-31", self.company, 50.0, 2)])
        by_manager = dict(self.Bundle._read_group([("sent_date", "!=", False)], ["user_id"], ["answer_rate:avg"]))
        self.assertEqual(by_manager[self.manager], 100.0)
        self.assertEqual(self.employer.tpk_bundle_count, 1)
        self.assertEqual(self.employer.tpk_bundle_ids.state, "answered")

    def test_the_email_is_in_the_recipients_language(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["ir.module.module"]._load_module_terms(["redu_feedback_tpk"], ["fi_FI"])
        self.survey_contact.lang = "fi_FI"
        self._send(self.bundle_a)
        mail = self._mails()
        self.assertIn("Vastaa kyselyyn", mail.body_html)
        self.assertTrue(mail.subject.startswith("Työpaikkakysely:"))
        for student in STUDENTS:
            self.assertNotIn(student, mail.body_html)

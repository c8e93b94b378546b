# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields

from .common import PortalCase


class TestReminders(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confirmation._send_requests()
        cls.now = fields.Datetime.now()

    def mails(self):
        return self.env["mail.mail"].search([("recipient_ids", "in", self.landline_instructor.ids)])

    def age(self, days, **more):
        self.confirmation.write({"request_date": self.now - timedelta(days=days), **more})

    def test_no_reminder_before_n_days(self):
        self.age(4)
        self.assertNotIn(self.confirmation, self.Confirmation._cron_send_reminders())
        self.assertEqual(len(self.mails()), 1)

    def test_one_reminder_after_n_days_and_cron_twice_sends_once(self):
        self.age(5)
        self.assertIn(self.confirmation, self.Confirmation._cron_send_reminders())
        self.assertNotIn(self.confirmation, self.Confirmation._cron_send_reminders())
        self.assertEqual(self.confirmation.reminder_count, 1)
        self.assertEqual(len(self.mails()), 2)
        self.assertIn("Reminder", self.mails()[:1].subject)

    def test_reminder_days_setting(self):
        self.env["ir.config_parameter"].set_param("redu_feedback_portal.reminder_days", "2")
        self.age(2)
        self.assertIn(self.confirmation, self.Confirmation._cron_send_reminders())

    def test_at_most_two_reminders(self):
        self.age(20, reminder_count=2, last_reminder_date=self.now - timedelta(days=10))
        self.assertNotIn(self.confirmation, self.Confirmation._cron_send_reminders())
        self.age(20, reminder_count=1, last_reminder_date=self.now - timedelta(days=10))
        self.assertIn(self.confirmation, self.Confirmation._cron_send_reminders())
        self.assertEqual(self.confirmation.reminder_count, 2)

    def test_second_reminder_waits_n_days_after_the_first(self):
        self.age(20, reminder_count=1, last_reminder_date=self.now - timedelta(days=1))
        self.assertNotIn(self.confirmation, self.Confirmation._cron_send_reminders())

    def test_no_reminder_after_the_deadline(self):
        self.agreement.write(
            {"start_date": self.today - timedelta(days=90), "end_date": self.today - timedelta(days=3)}
        )
        self.age(10)
        self.assertNotIn(self.confirmation, self.Confirmation._cron_send_reminders())

    def test_no_reminder_after_an_answer_or_a_revocation(self):
        self.age(10)
        self.confirmation.action_revoke()
        self.assertNotIn(self.confirmation, self.Confirmation._cron_send_reminders())
        self.confirmation.write({"token_revoked": False})
        self.confirmation.sudo()._portal_answer()
        self.assertNotIn(self.confirmation, self.Confirmation._cron_send_reminders())


class TestDigest(PortalCase):
    def setUp(self):
        super().setUp()
        self.param = self.env["ir.config_parameter"]
        self.param.set_param("redu_feedback_portal.digest_weekday", str(self.today.weekday()))

    def digests(self):
        return self.env["mail.mail"].search([("email_to", "ilike", "tiina.opettaja@redu.example")])

    def test_digest_lists_blocked_and_warned_agreements_by_days_to_deadline(self):
        later = self._agreement(
            instructor_id=self.landline_instructor.id, end_date=self.today + timedelta(days=50), name="LATER/1"
        )
        self.agreement.name = "SOONER/1"
        ready = self._agreement(name="READY/1")
        self.assertEqual((self.agreement | later).mapped("readiness"), ["warning", "warning"])
        self.assertEqual(ready.readiness, "ready")
        self.assertIn(self.teacher, self.Confirmation._cron_send_digest())
        body = self.digests().body_html
        self.assertLess(body.index("SOONER/1"), body.index("LATER/1"))
        self.assertNotIn("READY/1", body)

    def test_one_digest_a_week(self):
        self.assertIn(self.teacher, self.Confirmation._cron_send_digest())
        self.assertFalse(self.Confirmation._cron_send_digest())
        self.assertEqual(len(self.digests()), 1)

    def test_no_digest_on_other_weekdays(self):
        self.param.set_param("redu_feedback_portal.digest_weekday", str((self.today.weekday() + 1) % 7))
        self.assertFalse(self.Confirmation._cron_send_digest())
        self.assertFalse(self.digests())

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The first response of a process and the escalation of the late ones."""

from datetime import datetime

from freezegun import freeze_time

from odoo.fields import Domain
from odoo.tests import TransactionCase, tagged

from .common import WebInquiryCommon


@tagged("post_install", "-at_install")
class TestReachability(WebInquiryCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_web_inquiry()
        cls.organisation = cls.env["res.partner"].create({"name": "Revontuli Oy", "is_company": True})
        cls.late_type = cls.env.ref("redu_services_website.mail_activity_type_late_response")

    def _process(self, date_inquiry, service=None):
        return self.env["redu.service.process"].create(
            {
                "partner_id": self.organisation.id,
                "service_id": (service or self.service_a).id,
                "user_id": self.responsible.id,
                "channel": "web",
                "date_inquiry": date_inquiry,
            }
        )

    def test_message_sent_by_the_user_is_the_first_response_a_note_is_not(self):
        process = self._process(datetime(2026, 3, 2, 8, 0))
        as_user = process.with_user(self.responsible)
        as_user.message_post(body="internal", message_type="comment", subtype_xmlid="mail.mt_note")
        self.assertFalse(process.date_first_response)
        as_user.message_post(body="Hello!", message_type="comment", subtype_xmlid="mail.mt_comment")
        self.assertTrue(process.date_first_response)
        self.assertGreater(process.response_hours, 0)

    def test_logged_call_is_the_first_response(self):
        process = self._process(datetime(2026, 3, 2, 8, 0))
        activity = process.activity_schedule("mail.mail_activity_data_call", user_id=self.responsible.id)
        activity.with_user(self.responsible).action_feedback(feedback="Called them")
        self.assertTrue(process.date_first_response)

    def test_rpc_context_cannot_suppress_the_first_response(self):
        """No context key decides what is stored: the first message the user sends is the first
        response, whatever context the RPC caller passes with it."""
        process = self._process(datetime(2026, 3, 2, 8, 0))
        as_user = process.with_user(self.responsible).with_context(redu_no_first_response=True)
        with freeze_time("2026-03-02 10:00:00"):
            as_user.message_post(body="Hello!", message_type="comment", subtype_xmlid="mail.mt_comment")
        self.assertEqual(process.date_first_response, datetime(2026, 3, 2, 10, 0))
        self.assertAlmostEqual(process.response_hours, 2.0)

    def test_the_acknowledgement_of_the_intake_is_no_first_response(self):
        """The system's messages (the intake's acknowledgement) are no response of a user."""
        process = self._process(datetime(2026, 3, 2, 8, 0))
        process.with_user(self.env.ref("base.user_root")).message_post(
            body="Thank you for your inquiry", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertFalse(process.date_first_response)

    @freeze_time("2026-03-04 22:30:00")
    def test_late_on_the_finnish_date_whatever_the_callers_timezone(self):
        """Past midnight in Finland (00:30 on Thursday 5 March) a first response due on Wednesday is late,
        also for a caller whose context or user says another timezone (still Wednesday in California)."""
        process = self._process(datetime(2026, 3, 2, 8, 0))  # due Wednesday 4 March
        self.assertEqual(str(process.date_response_due), "2026-03-04")
        Process = self.env["redu.service.process"]
        for tz in ("America/Los_Angeles", "UTC", False):
            caller = Process.with_context(tz=tz)
            found = caller.search(caller._redu_late_first_response_domain() & Domain("id", "=", process.id))
            self.assertEqual(found, process, f"late in Finland, whatever the context's timezone ({tz})")

    @freeze_time("2026-03-12 06:00:00")
    def test_late_filter_and_escalation_once_per_process(self):
        late = self._process(datetime(2026, 3, 2, 8, 0))  # due Wednesday 4 March
        on_time = self._process(datetime(2026, 3, 11, 8, 0))
        answered = self._process(datetime(2026, 3, 2, 8, 0))
        answered.date_first_response = datetime(2026, 3, 3, 8, 0)
        Process = self.env["redu.service.process"]
        found = Process.search(
            Process._redu_late_first_response_domain() & Domain("id", "in", (late + on_time + answered).ids)
        )
        self.assertEqual(found, late)

        escalated = Process._cron_escalate_late_first_responses()
        self.assertIn(late, escalated)
        self.assertNotIn(on_time, escalated)
        activities = late.activity_ids.filtered(lambda act: act.activity_type_id == self.late_type)
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.manager)
        self.assertTrue(late.response_escalated)

        Process._cron_escalate_late_first_responses()
        activities = late.activity_ids.filtered(lambda act: act.activity_type_id == self.late_type)
        self.assertEqual(len(activities), 1, "the cron raises one activity per late process, once")

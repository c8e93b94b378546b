# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo import Command

from odoo.addons.sms.tools.sms_api import SmsApi

from .common import PortalCase


class TestSending(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mobile_only = cls._instructor(name="Sari Sähköpostiton", email="sari at firma", phone="040 111 2222")
        cls.unreachable = cls._instructor(name="Jari Tavoittamaton", email="", phone="016 222 333")
        cls.agreements = (
            cls.agreement
            | cls._agreement(instructor_id=cls.landline_instructor.id)
            | cls._agreement(instructor_id=cls.instructor.id)
            | cls._agreement(instructor_id=cls.mobile_only.id)
            | cls._agreement(instructor_id=cls.unreachable.id)
        )

    def wizard(self, agreements=None):
        return (
            self.env["redu.confirmation.send.wizard"]
            .with_user(self.teacher)
            .with_context(
                allowed_company_ids=[self.company.id],
                default_agreement_ids=[Command.set((agreements or self.agreements).ids)],
            )
            .create({})
        )

    def mails(self, partner):
        return self.env["mail.mail"].search([("recipient_ids", "in", partner.ids)])

    def sms(self, partner):
        return self.env["sms.sms"].search([("partner_id", "=", partner.id)])

    def test_preview_counts_one_request_per_instructor(self):
        wizard = self.wizard()
        self.assertEqual(len(wizard.line_ids), 4)
        self.assertEqual(wizard.send_count, 3)
        self.assertEqual(wizard.call_count, 1)
        by_partner = {line.partner_id: line for line in wizard.line_ids}
        self.assertEqual(by_partner[self.landline_instructor].agreement_count, 2)
        self.assertEqual(by_partner[self.landline_instructor].channel, "email")
        self.assertEqual(by_partner[self.instructor].channel, "email_sms")
        self.assertEqual(by_partner[self.mobile_only].channel, "sms")
        self.assertEqual(by_partner[self.unreachable].channel, "call")
        self.assertIn("/feedback/instructor/", wizard.preview_body)

    def test_send_one_email_per_instructor_and_sms_to_mobiles_only(self):
        self.wizard().action_send()
        self.assertEqual(len(self.mails(self.landline_instructor)), 1)
        self.assertFalse(self.sms(self.landline_instructor))
        self.assertEqual(len(self.mails(self.instructor)), 1)
        self.assertEqual(len(self.sms(self.instructor)), 1)
        self.assertFalse(self.mails(self.mobile_only))
        self.assertEqual(len(self.sms(self.mobile_only)), 1)
        self.assertEqual(self.sms(self.mobile_only).number, "+358401112222")
        self.assertFalse(self.mails(self.unreachable) or self.sms(self.unreachable))

    def test_request_carries_the_personal_link(self):
        self.wizard().action_send()
        confirmation = self.landline_instructor.redu_confirmation_ids
        self.assertEqual(confirmation.state, "requested")
        self.assertEqual(confirmation.teacher_id, self.teacher)
        self.assertIn(confirmation.confirmation_url, self.mails(self.landline_instructor).body_html)
        mobile = self.mobile_only.redu_confirmation_ids
        self.assertIn(mobile.confirmation_url, self.sms(self.mobile_only).body)
        self.assertEqual(self.unreachable.redu_confirmation_ids.state, "new")

    def test_second_send_the_same_day_does_not_duplicate(self):
        self.wizard().action_send()
        wizard = self.wizard()
        self.assertEqual(wizard.skip_count, 3)
        self.assertEqual(wizard.send_count, 0)
        wizard.action_send()
        self.assertEqual(len(self.mails(self.instructor)), 1)
        self.assertEqual(len(self.sms(self.instructor)), 1)
        self.assertEqual(len(self.sms(self.mobile_only)), 1)

    def test_send_from_the_contact_issues(self):
        issues = self.agreement.issue_ids
        self.assertTrue(issues)
        action = self.as_teacher(issues).action_open_send_confirmation()
        wizard = self.as_teacher(self.env[action["res_model"]]).with_context(**action["context"]).create({})
        self.assertEqual(wizard.line_ids.partner_id, self.landline_instructor)

    def test_instructor_with_periods_in_another_entity(self):
        """The teacher of one entity sends to an instructor who also guides a student of an entity the
        teacher cannot open: the request goes, the teacher sees only their own agreement, and the
        instructor's page lists both periods."""
        elsewhere = self._agreement(
            instructor_id=self.instructor.id, company_id=self.other_company.id, student_name="Veera Virtanen"
        )
        mine = self._agreement(instructor_id=self.instructor.id, student_name="Ville Virtanen")
        self.wizard(mine).action_send()
        self.assertEqual(len(self.mails(self.instructor)), 1)
        confirmation = self.Confirmation.search([("partner_id", "=", self.instructor.id)])
        self.assertIn(mine, self.as_teacher(confirmation).agreement_ids)
        self.assertNotIn(elsewhere, self.as_teacher(confirmation).agreement_ids)
        self.assertIn(elsewhere, confirmation.sudo().agreement_ids)

    def test_mass_sending_is_a_background_task(self):
        self.env["ir.config_parameter"].sudo().set_param("redu_background.threshold.sending", "2")
        action = self.wizard().action_send()
        job = self.env["redu.background.job"].browse(action["res_id"])
        self.assertEqual((job.user_id, job.state, job.total), (self.teacher, "queued", 4))
        self.assertEqual(job.manager_group_id, self.env.ref("redu_feedback_prep.group_feedback_manager"))
        self.assertFalse(self.mails(self.instructor), "nothing rendered in the request")
        self.env["redu.background.job"]._cron_run_jobs()
        self.assertEqual((job.state, job.done), ("done", 4))
        self.assertEqual(len(self.mails(self.landline_instructor)), 1)
        self.assertEqual(len(self.sms(self.mobile_only)), 1)
        self.assertEqual(self.landline_instructor.redu_confirmation_ids.teacher_id, self.teacher)
        self.assertEqual(job.counts, {"sent": 3, "call": 1, "skipped": 0})
        self.assertEqual(job.line_ids.res_id, self.unreachable.redu_confirmation_ids.id, "whom to call")

    def test_the_sms_queue_sends_the_requests_of_several_entities_in_one_run(self):
        """Odoo's queue cron sends one batch of whatever is queued: the text messages of two entities both go,
        each with its entity's provider (Odoo itself would stop at the first mixed batch)."""
        queued = self.env["sms.sms"]
        for company in self.company | self.other_company:
            message = self.env["mail.message"].create(
                {
                    "model": "res.partner",
                    "res_id": self.mobile_only.id,
                    "record_company_id": company.id,
                    "message_type": "sms",
                    "body": "Vahvista yhteystietosi",
                }
            )
            queued |= self.env["sms.sms"].create(
                {"number": "+358401112222", "body": "Vahvista yhteystietosi", "mail_message_id": message.id}
            )
        batches = []

        def send_batch(api, messages, delivery_reports_url=False):
            batches.append([number["uuid"] for message in messages for number in message["numbers"]])
            return [{"uuid": uuid, "state": "success"} for uuid in batches[-1]]

        with patch.object(SmsApi, "_send_sms_batch", autospec=True, side_effect=send_batch):
            # what sms.sms._process_queue does with the queue (without its commit)
            self.env["sms.sms"].search([("id", "in", queued.ids), ("state", "=", "outgoing")])._send(
                unlink_failed=False, unlink_sent=True, raise_exception=False
            )
        self.assertEqual(sorted(len(batch) for batch in batches), [1, 1])
        self.assertEqual(set(queued.mapped("state")), {"pending"})

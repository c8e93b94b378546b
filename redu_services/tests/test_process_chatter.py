# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What a stage change leaves in the chatter of a process: tracking, the note of a move back,
and the activities of the stages (mail on, as a user has it)."""

from odoo import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.mail.tests.common import MailCase


@tagged("post_install", "-at_install")
class TestProcessChatter(MailCase):
    """On MailCase, for its helpers: MailCommon's companies and users are not needed here."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.stage_inquiry = cls.env.ref("redu_services.stage_inquiry")
        cls.stage_needs = cls.env.ref("redu_services.stage_needs_assessment")
        cls.stage_offer = cls.env.ref("redu_services.stage_offer")
        cls.stage_delivery = cls.env.ref("redu_services.stage_delivery")
        cls.responsible = new_test_user(
            cls.env,
            "redu_chatter_user",
            groups="redu_services.group_service_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.service = cls.env["redu.service"].create(
            {
                "name": "Workplace instructor training",
                "category_id": cls.env.ref("redu_services.service_category_workplace_instructor_training").id,
                "company_id": cls.company.id,
                "funding": "public",
            }
        )
        cls.organisation = cls.env["res.partner"].create({"name": "Lapin Testi Oy", "is_company": True})

    def setUp(self):
        super().setUp()
        self.process = (
            self.env["redu.service.process"]
            .with_user(self.responsible)
            .create({"partner_id": self.organisation.id, "service_id": self.service.id})
        )
        self.flush_tracking()

    def _activities_of(self, stage):
        return self.process.activity_ids.filtered(lambda act: act.activity_type_id == stage.activity_type_id)

    def test_stage_change_is_tracked(self):
        self.process.stage_id = self.stage_needs
        self.flush_tracking()
        message = self.process.message_ids.filtered(lambda msg: msg.sudo().tracking_value_ids)
        # leaving the inquiry also stamps the first response, tracked in the same message
        self.assertMessageFields(message, {"tracking_field_names": ["date_first_response", "stage_id"]})
        self.assertTracking(message, [("stage_id", "many2one", self.stage_inquiry, self.stage_needs)])

    def test_move_back_is_noted(self):
        self.process.write({"stage_id": self.stage_delivery.id})
        self.process.write({"stage_id": self.stage_offer.id})
        notes = self.process.message_ids.filtered(lambda msg: "Moved back" in msg.body)
        self.assertEqual(len(notes), 1)
        self.assertIn("Moved back from stage Delivery to Offer.", notes.body)
        self.assertEqual(notes.subtype_id, self.env.ref("mail.mt_note"))

    def test_entering_a_stage_schedules_its_activity_for_the_responsible(self):
        self.assertEqual(self._activities_of(self.stage_inquiry).user_id, self.responsible)
        self.process.stage_id = self.stage_needs
        activity = self._activities_of(self.stage_needs)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.responsible)

    def test_leaving_a_stage_marks_its_activity_done(self):
        inquiry_type = self.stage_inquiry.activity_type_id
        self.process.stage_id = self.stage_needs
        self.assertFalse(self._activities_of(self.stage_inquiry), "no longer open")
        self.assertTrue(
            self.process.message_ids.filtered(lambda msg: msg.mail_activity_type_id == inquiry_type),
            "the done activity is logged in the chatter",
        )

    def test_stage_without_activity_type_schedules_nothing(self):
        self.stage_needs.activity_type_id = False
        self.process.stage_id = self.stage_needs
        self.assertFalse(self.process.activity_ids)

    def test_the_chatter_suggests_the_contact_person_not_an_organisation_without_email(self):
        """An organisation from an inquiry has no email; the chatter suggests its contact person, so the
        responsible's Send is not stopped by a recipient without an email."""
        contact = self.env["res.partner"].create(
            {"name": "Ville Yhteyshenkilö", "parent_id": self.organisation.id, "email": "ville@lapintesti.example"}
        )
        suggested = self.process._message_get_suggested_recipients()
        self.assertEqual([r["partner_id"] for r in suggested], [self.organisation.id])
        self.process.contact_id = contact
        suggested = self.process._message_get_suggested_recipients()
        self.assertEqual([(r["partner_id"], r["email"]) for r in suggested], [(contact.id, "ville@lapintesti.example")])

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""redu_feedback_prep on top of redu_partnership and redu_services: an agreement of a
service process validates the instructor that the Contacts app keeps, and an edit in
the Contacts app changes what the teacher sees."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import ServicesFeedbackCase


@tagged("post_install", "-at_install")
class TestAgreementContacts(ServicesFeedbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        cls.process = cls.env["redu.service.process"].create(
            {
                "partner_id": cls.org.id,
                "contact_id": cls.instructor.id,
                "service_id": cls.service.id,
            }
        )
        cls.agreement = cls.env["redu.workplace.agreement"].create(
            {
                "agreement_type": "training_agreement",
                "source_ref": "KOSKI-CROSS-1",
                "student_name": "Eetu Esimerkki",
                "employer_id": cls.org.id,
                "instructor_id": cls.instructor.id,
                "start_date": today - timedelta(days=30),
                "end_date": today + timedelta(days=60),
                "part_time_percent": 100,
                "teacher_id": cls.teacher.id,
                "company_id": cls.company.id,
                "service_process_id": cls.process.id,
            }
        )

    def test_teacher_links_the_agreement_to_a_process_on_the_form(self):
        agreement = self.agreement.with_user(self.teacher).with_context(allowed_company_ids=self.company.ids)
        with Form(agreement) as form:
            self.assertEqual(form.service_process_id, self.process)
            form.service_process_id = self.env["redu.service.process"]
        self.assertFalse(self.agreement.service_process_id)
        with Form(agreement) as form:
            form.service_process_id = self.process.with_user(self.teacher)
        self.assertEqual(self.agreement.service_process_id, self.process)

    def codes(self, agreement):
        return set(agreement.issue_ids.mapped("rule_code"))

    def test_ready_with_the_partner_kept_in_contacts(self):
        self.agreement.action_validate_contacts()
        self.assertEqual(self.agreement.workplace_name, "Rovaniemen Rakennus Oy")
        self.assertEqual(self.agreement.readiness, "ready", self.codes(self.agreement))

    def test_contacts_edit_revalidates_the_agreement(self):
        self.agreement.action_validate_contacts()
        # the account manager replaces the instructor's details with a switchboard number
        self.instructor.write({"email": False, "phone": "016 322 1000"})
        self.assertEqual(self.agreement.readiness, "blocked")
        self.assertIn("no_valid_contact", self.codes(self.agreement))
        self.instructor.write({"phone": "+358 40 765 4321"})
        self.assertEqual(self.agreement.readiness, "warning")
        self.assertEqual(self.codes(self.agreement), {"email_missing"})

    def test_invalid_business_id_is_refused_in_contacts_and_agreement_unchanged(self):
        self.agreement.action_validate_contacts()
        with self.assertRaises(ValidationError):
            self.org.company_registry = "2345678-0" if self.business_id != "2345678-0" else "2345678-1"
        self.assertEqual(self.org.company_registry, self.business_id)
        self.assertEqual(self.agreement.readiness, "ready")

    def test_other_entity_does_not_see_the_agreement_or_process(self):
        outsider = self.env["res.users"].create(
            {
                "name": "Opettaja toisesta yksiköstä",
                "login": "cross_outsider",
                "company_id": self.other_company.id,
                "company_ids": [(6, 0, self.other_company.ids)],
                "group_ids": [
                    (
                        6,
                        0,
                        [
                            self.env.ref("base.group_user").id,
                            self.env.ref("redu_services.group_service_user").id,
                            self.env.ref("redu_feedback_prep.group_feedback_user").id,
                        ],
                    )
                ],
            }
        )
        env = self.env(user=outsider, context={"allowed_company_ids": self.other_company.ids})
        self.assertFalse(env["redu.workplace.agreement"].search([("id", "=", self.agreement.id)]))
        self.assertFalse(env["redu.service.process"].search([("id", "=", self.process.id)]))
        with self.assertRaises(AccessError):
            env["redu.service.process"].browse(self.process.id).read(["name"])
        # partners stay shared across the group
        self.assertEqual(env["res.partner"].browse(self.org.id).name, "Rovaniemen Rakennus Oy")
        # the teacher of the entity sees both
        mine = self.env(user=self.teacher, context={"allowed_company_ids": self.company.ids})
        self.assertEqual(mine["redu.workplace.agreement"].search([("id", "=", self.agreement.id)]), self.agreement)
        self.assertEqual(mine["redu.service.process"].search([("id", "=", self.process.id)]), self.process)

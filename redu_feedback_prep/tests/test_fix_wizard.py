# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import FeedbackCase


@tagged("post_install", "-at_install")
class TestFixWizard(FeedbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.broken_employer = cls.Partner.create(
            {
                "name": "Kemin Testikone",
                "is_company": True,
                "company_registry": "FI 0737546 2x",
            }
        )
        cls.bad_instructor = cls.Partner.create(
            {
                "name": "Pertti Puutteellinen",
                "parent_id": cls.broken_employer.id,
                "type": "contact",
                "email": "Pertti.Puutteellinen@KEMINTESTI.FI ",
                "phone": "016 123 456",
            }
        )
        cls.agreement = cls._agreement(employer_id=cls.broken_employer.id, instructor_id=cls.bad_instructor.id)
        cls.good = cls._agreement()

    def _wizard(self, agreements, user=None):
        model = self.env["redu.contact.fix.wizard"]
        if user:
            model = model.with_user(user).with_context(allowed_company_ids=user.company_ids.ids)
        return Form(model.with_context(active_model="redu.workplace.agreement", active_ids=agreements.ids))

    def test_lines_show_contacts_and_issues(self):
        self.assertEqual(self.codes(self.agreement), {"business_id_invalid", "phone_not_mobile"})
        form = self._wizard(self.agreement | self.good)
        self.assertEqual(len(form.line_ids), 4)
        wizard = form.save()
        employer_line = wizard.line_ids.filtered(lambda line: line.partner_id == self.broken_employer)
        self.assertEqual(employer_line.line_type, "employer")
        self.assertIn("business ID", employer_line.issue_summary)
        instructor_line = wizard.line_ids.filtered(lambda line: line.partner_id == self.bad_instructor)
        self.assertIn("landline", instructor_line.issue_summary)
        self.assertFalse(wizard.line_ids.filtered(lambda line: line.partner_id == self.instructor).issue_summary)
        self.assertEqual(wizard.open_issue_count, 2)

    def test_save_normalises_writes_and_revalidates(self):
        form = self._wizard(self.agreement, user=self.teacher)
        for index in range(len(form.line_ids)):
            with form.line_ids.edit(index) as line:
                if line.line_type == "employer":
                    line.business_id = "FI07375462"
                else:
                    line.phone = "040 765 4321"
        wizard = form.save()
        action = wizard.action_save()
        self.assertEqual(action["res_id"], wizard.id)
        self.assertEqual(self.broken_employer.company_registry, "0737546-2")
        self.assertEqual(self.bad_instructor.phone, "+358407654321")
        self.assertEqual(self.agreement.readiness, "ready")
        self.assertFalse(wizard.issue_ids)
        self.assertIn("0 issue", wizard.result_message)

    def test_save_keeps_the_email_as_written_and_shows_what_is_open(self):
        form = self._wizard(self.agreement)
        for index in range(len(form.line_ids)):
            with form.line_ids.edit(index) as line:
                if line.line_type == "instructor":
                    line.email = " Info@KeminTesti.fi "
        wizard = form.save()
        wizard.action_save()
        self.assertEqual(self.bad_instructor.email, "Info@KeminTesti.fi", "trimmed, never rewritten")
        self.assertEqual(
            set(wizard.issue_ids.mapped("rule_code")), {"business_id_invalid", "phone_not_mobile", "email_generic"}
        )
        self.assertIn("3 issue", wizard.result_message)
        self.assertEqual(self.agreement.readiness, "blocked")

    def test_invalid_input_changes_nothing(self):
        form = self._wizard(self.agreement)
        for index in range(len(form.line_ids)):
            with form.line_ids.edit(index) as line:
                if line.line_type == "employer":
                    line.business_id = "1234567-8"
                else:
                    line.phone = "0401234567"
        wizard = form.save()
        with self.assertRaisesRegex(UserError, "1234567-8"):
            wizard.action_save()
        self.assertEqual(self.bad_instructor.phone, "016 123 456")

    def test_values_the_national_system_would_not_take_are_refused(self):
        for field_name, value, hint in (
            ("email", "matti meikalainen@kemintesti.fi", "exactly one address"),
            ("phone", "040.765.4321", "no dots"),
            ("phone", "040/7654321", "no dots"),
        ):
            form = self._wizard(self.agreement)
            for index in range(len(form.line_ids)):
                with form.line_ids.edit(index) as line:
                    if line.line_type == "instructor":
                        setattr(line, field_name, value)
            wizard = form.save()
            with self.assertRaisesRegex(UserError, hint):
                wizard.action_save()
            self.assertEqual(self.bad_instructor.phone, "016 123 456")
            self.assertNotEqual(self.bad_instructor.email, value)

    def test_opened_from_issues(self):
        wizard = (
            self.env["redu.contact.fix.wizard"]
            .with_context(
                active_model="redu.contact.issue",
                active_ids=self.agreement.issue_ids.ids,
            )
            .create({})
        )
        self.assertEqual(wizard.agreement_ids, self.agreement)
        action = self.agreement.issue_ids[:1].action_open_fix_wizard()
        self.assertEqual(action["context"]["active_ids"], self.agreement.ids)

    def test_nothing_selected(self):
        with self.assertRaises(UserError):
            self.env["redu.contact.fix.wizard"].with_context(active_model="redu.workplace.agreement").create({})

# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from .common import PortalCase


class TestAnswer(PortalCase):
    def activities(self):
        return self.env["mail.activity"].search(
            [("res_model", "=", self.confirmation._name), ("res_id", "=", self.confirmation.id)]
        )

    def test_correction_writes_the_partner_and_the_agreement_turns_ready(self):
        self.assertEqual(self.agreement.readiness, "warning")
        self.answer(phone="040 765 4321")
        self.assertEqual(self.landline_instructor.phone, "+358407654321")
        self.assertTrue(self.landline_instructor.contact_confirmed_date)
        self.assertEqual(self.agreement.readiness, "ready")
        self.assertEqual(self.confirmation.state, "corrected")

    def test_correction_posts_old_and_new_values_on_partner_and_agreement(self):
        self.answer(phone="040 765 4321")
        for record in (self.landline_instructor, self.agreement, self.confirmation):
            message = record.message_ids[:1]
            self.assertIn("corrected by the instructor via personal link", message.body)
            self.assertIn("016 123 456", message.body)
            self.assertIn("+358407654321", message.body)
            self.assertEqual(message.author_id, self.landline_instructor)

    def test_correction_gives_the_teacher_an_activity(self):
        self.answer(phone="040 765 4321")
        activity = self.activities()
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.teacher)

    def test_confirmation_without_problems_gives_no_activity(self):
        self.answer(phone="040 765 4321")
        self.activities().unlink()
        self.confirmation.sudo()._portal_answer()
        self.assertFalse(self.activities())
        self.assertIn("confirmed by the instructor", self.agreement.message_ids[:1].body)

    def test_confirmation_with_a_remaining_problem_gives_an_activity(self):
        # the landline stays: the instructor says it is right, the teacher must know
        corrected, problems = self.confirmation.sudo()._portal_answer()
        self.assertFalse(corrected)
        self.assertEqual(problems.mapped("rule_code"), ["phone_not_mobile"])
        self.assertEqual(self.confirmation.state, "confirmed")
        self.assertEqual(len(self.activities()), 1)
        self.assertEqual(self.landline_instructor.phone, "016 123 456")

    def test_html_in_the_name_is_stored_as_text_and_escaped_in_chatter(self):
        self.answer(name="<b>Pertti</b> Puutteellinen", phone="040 765 4321")
        self.assertEqual(self.landline_instructor.name, "<b>Pertti</b> Puutteellinen")
        body = self.landline_instructor.message_ids[:1].body
        self.assertNotIn("<b>Pertti</b>", body)
        self.assertIn("&lt;b&gt;Pertti&lt;/b&gt;", body)

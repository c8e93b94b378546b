# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.addons.redu_feedback_prep.tests.common import FeedbackCase


class PortalCase(FeedbackCase):
    """redu_feedback_prep's test data, an instructor with a landline and their confirmation record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Confirmation = cls.env["redu.instructor.confirmation"]
        cls.teacher.write({"email": "tiina.opettaja@redu.example"})
        cls.landline_instructor = cls._instructor(
            name="Pertti Puutteellinen", email="pertti.puutteellinen@lapintesti.fi", phone="016 123 456"
        )
        cls.agreement = cls._agreement(instructor_id=cls.landline_instructor.id, student_name="Aino Opiskelija")
        confirmations, _first = cls.Confirmation._for_agreements(cls.agreement)
        cls.confirmation = confirmations

    def as_teacher(self, records):
        return records.with_user(self.teacher).with_context(allowed_company_ids=[self.company.id])

    def answer(self, **values):
        """The instructor's correction, validated as the page does it."""
        form = {
            "name": self.landline_instructor.name,
            "email": self.landline_instructor.email,
            "phone": self.landline_instructor.phone,
            **values,
        }
        clean, errors = self.Confirmation._validate_form(form)
        self.assertFalse(errors)
        return self.confirmation.sudo()._portal_answer(clean)

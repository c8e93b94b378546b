# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.redu_base.tools.dates import redu_today


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """Tour: a teacher fixes an instructor's landline from the contact validation report."""

    def setUp(self):
        super().setUp()
        self.company = self.env["res.company"].create({"name": "Lapin koulutuskeskus Tour"})
        self.teacher = new_test_user(
            self.env,
            login="fb_tour_teacher",
            name="Tiina Tour-Opettaja",
            groups="redu_feedback_prep.group_feedback_user",
            company_id=self.company.id,
            company_ids=[self.company.id],
            lang="en_US",
        )
        employer = self.env["res.partner"].create(
            {
                "name": "Kemin Kierroskone Oy",
                "is_company": True,
                "company_registry": "0737546-2",
                "country_id": self.env.ref("base.fi").id,
            }
        )
        self.instructor = self.env["res.partner"].create(
            {
                "name": "Pertti Puutteellinen",
                "parent_id": employer.id,
                "type": "contact",
                "email": "pertti.puutteellinen@kemintesti.fi",
                "phone": "016 123 456",
            }
        )
        today = redu_today(self.env["redu.workplace.agreement"])
        self.agreement = (
            self.env["redu.workplace.agreement"]
            .with_company(self.company)
            .create(
                {
                    "name": "TPS/TOUR/00001",
                    "agreement_type": "training_agreement",
                    "student_name": "Aino Opiskelija",
                    "employer_id": employer.id,
                    "instructor_id": self.instructor.id,
                    "start_date": today - timedelta(days=60),
                    "end_date": today + timedelta(days=20),
                    "part_time_percent": 100,
                    "qualification_code": "351101",
                    "teacher_id": self.teacher.id,
                    "company_id": self.company.id,
                }
            )
        )

    def test_fix_instructor_phone_tour(self):
        # the tour starts from an agreement that only a landline keeps from being ready
        self.assertEqual(self.agreement.readiness, "warning")
        self.assertEqual(set(self.agreement.issue_ids.mapped("rule_code")), {"phone_not_mobile"})

        self.start_tour("/odoo", "redu_feedback_prep_fix_contact_tour", login=self.teacher.login)

        self.agreement.invalidate_recordset()
        self.instructor.invalidate_recordset()
        self.assertEqual(self.instructor.phone, "+358407654321")
        self.assertEqual(self.agreement.readiness, "ready")
        self.assertFalse(self.agreement.issue_ids)

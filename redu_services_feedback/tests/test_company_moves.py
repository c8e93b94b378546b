# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Moving a record to another group entity is judged as the write leaves it: against the
entities the user is allowed in, and against the records that hang on it."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import ServicesFeedbackCase


@tagged("post_install", "-at_install")
class TestCompanyMoves(ServicesFeedbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        both = cls.company | cls.other_company
        # a teacher of both entities who works in the first one only (the entity switcher)
        cls.teacher_both = new_test_user(
            cls.env,
            login="moves_teacher_both",
            company_id=cls.company.id,
            company_ids=[Command.set(both.ids)],
            groups="base.group_user,redu_services.group_service_user,redu_feedback_prep.group_feedback_user",
        )
        cls.process = cls.env["redu.service.process"].create({"partner_id": cls.org.id, "service_id": cls.service.id})
        cls.agreement = cls.env["redu.workplace.agreement"].create(
            {
                "source_ref": "KOSKI-MOVE-1",
                "employer_id": cls.org.id,
                "instructor_id": cls.instructor.id,
                "start_date": today - timedelta(days=30),
                "end_date": today + timedelta(days=60),
                "part_time_percent": 100,
                "teacher_id": cls.teacher_both.id,
                "company_id": cls.company.id,
            }
        )

    def test_agreement_cannot_be_moved_to_an_entity_not_allowed(self):
        with self.assertRaises(AccessError):
            self.as_teacher(self.agreement, self.company).write({"company_id": self.other_company.id})
        self.assertEqual(self.agreement.company_id, self.company)
        with self.assertRaises(AccessError):
            self.agreement.with_user(self.teacher).write({"company_id": self.other_company.id})
        self.assertEqual(self.agreement.company_id, self.company)

    def test_agreement_moved_away_from_its_service_process_is_inconsistent(self):
        self.agreement.service_process_id = self.process
        agreement = self.as_teacher(self.agreement, self.company | self.other_company)
        with self.assertRefused(UserError, "company inconsistencies"):
            agreement.write({"company_id": self.other_company.id})
        self.assertEqual(self.agreement.company_id, self.company)
        self.agreement.service_process_id = False
        agreement.write({"company_id": self.other_company.id})
        self.assertEqual(self.agreement.company_id, self.other_company)

    def test_study_right_period_cannot_be_moved_under_an_agreement_not_allowed(self):
        other = self.env["redu.workplace.agreement"].create(
            {"source_ref": "KOSKI-MOVE-2", "company_id": self.other_company.id, "teacher_id": self.teacher_both.id}
        )
        period = self.env["redu.study.right.period"].create(
            {"agreement_id": self.agreement.id, "start_date": fields.Date.today(), "state": "lasna"}
        )
        with self.assertRaises(AccessError):
            self.as_teacher(period, self.company).write({"agreement_id": other.id})
        self.assertEqual(period.agreement_id, self.agreement)

    def test_process_cannot_be_moved_to_an_entity_not_allowed(self):
        other_service = self.env["redu.service"].create(
            {
                "name": "Hiihtovalmennus",
                "company_id": self.other_company.id,
                "funding": "public",
                "category_id": self.service.category_id.id,
            }
        )
        self.process.user_id = self.teacher_both
        with self.assertRaises(AccessError):
            self.as_teacher(self.process, self.company).write({"service_id": other_service.id})
        self.assertEqual(self.process.company_id, self.company)

    def as_teacher(self, records, companies):
        """``records`` as the teacher of both entities working in ``companies``."""
        return records.with_user(self.teacher_both).with_context(allowed_company_ids=companies.ids)

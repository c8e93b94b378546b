# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import FeedbackCase


@tagged("post_install", "-at_install")
class TestSecurity(FeedbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls._agreement(student_name="Aino Opiskelija")
        cls.foreign = cls._agreement(company_id=cls.other_company.id, student_name="Eero Esimerkki")
        cls.internal = new_test_user(
            cls.env,
            login="fb_internal",
            groups="base.group_user",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )

    def _as(self, user):
        return (
            self.env["redu.workplace.agreement"]
            .with_user(user)
            .with_context(
                allowed_company_ids=user.company_ids.ids,
            )
        )

    def test_groups_hierarchy(self):
        manager_group = self.env.ref("redu_feedback_prep.group_feedback_manager")
        user_group = self.env.ref("redu_feedback_prep.group_feedback_user")
        self.assertIn(user_group, manager_group.implied_ids)
        self.assertEqual(user_group.privilege_id, manager_group.privilege_id)
        self.assertTrue(self.env.ref("base.user_admin").has_group("redu_feedback_prep.group_feedback_manager"))

    def test_teacher_sees_and_fixes_own_entity_only(self):
        agreements = self._as(self.teacher).search([("id", "in", (self.own | self.foreign).ids)])
        self.assertEqual(agreements, self.own)
        self.assertEqual(agreements.student_name, "Aino Opiskelija")
        agreements.write({"part_time_percent": 0})
        self.assertEqual(agreements.readiness, "blocked")
        issues = (
            self.env["redu.contact.issue"]
            .with_user(self.teacher)
            .with_context(
                allowed_company_ids=self.teacher.company_ids.ids,
            )
            .search([("agreement_id", "in", (self.own | self.foreign).ids)])
        )
        self.assertEqual(issues.agreement_id, self.own)
        with self.assertRaises(AccessError):
            self._as(self.teacher).browse(self.foreign.id).read(["name"])
        with self.assertRaises(AccessError):
            self._as(self.teacher).browse(self.own.id).unlink()
        with self.assertRaises(AccessError):
            issues.with_user(self.teacher).unlink()

    def test_teacher_cannot_import_or_export(self):
        for model in ("redu.transfer.export.wizard", "redu.agreement.import.wizard"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.teacher).create({})

    def test_manager_sees_all_entities(self):
        agreements = self._as(self.manager).search([("id", "in", (self.own | self.foreign).ids)])
        self.assertEqual(agreements, self.own | self.foreign)
        self.assertEqual(set(agreements.mapped("student_name")), {"Aino Opiskelija", "Eero Esimerkki"})
        self._as(self.manager).browse(self.own.id).unlink()
        self.assertFalse(self.own.exists())

    def test_other_users_have_no_access(self):
        with self.assertRaises(AccessError):
            self._as(self.internal).search([])

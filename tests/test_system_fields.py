# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Fields that the system computes or stamps, forged over RPC (``with_user`` + ``write``/``create``)
by a user who may otherwise edit the record: refused with an AccessError, the stored value unchanged.
The system's own paths that write them keep working for the same user."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common import CrossAddonCase


class TestSystemFields(CrossAddonCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        cls.agreement = cls.env["redu.workplace.agreement"].create(
            {
                "source_ref": "KOSKI-FORGE-1",
                "employer_id": cls.org.id,
                "instructor_id": cls.instructor.id,
                "start_date": today - timedelta(days=30),
                "end_date": today + timedelta(days=60),
                "teacher_id": cls.teacher.id,
                "company_id": cls.company.id,
                # no part-time percentage: the validation blocks the agreement
            }
        )
        cls.process = cls.env["redu.service.process"].create({"partner_id": cls.org.id, "service_id": cls.service.id})
        cls.sales = new_test_user(
            cls.env,
            login="forge_sales",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
            groups="base.group_user,redu_partnership.group_partnership_user",
        )
        cls.feedback_admin = new_test_user(
            cls.env,
            login="forge_feedback_admin",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
            groups="base.group_user,redu_feedback_prep.group_feedback_manager",
        )

    def assert_write_refused(self, record, user, vals):
        names = list(vals)
        before = record.read(names)
        with self.assertRaises(AccessError):
            record.with_user(user).write(vals)
        record.invalidate_recordset()
        self.assertEqual(record.read(names), before)

    def assert_create_refused(self, model, user, vals):
        count = self.env[model].search_count([])
        with self.assertRaises(AccessError):
            self.env[model].with_user(user).create(vals)
        self.assertEqual(self.env[model].search_count([]), count)

    # ------------------------------------------------------------ agreements
    def test_agreement_outcome_cannot_be_forged(self):
        self.assertEqual(self.agreement.readiness, "blocked")
        for vals in (
            {"readiness": "ready"},
            {"national_survey_reaches": True, "national_email_sent": True},
            {"national_fix_deadline": False},
            {"last_validated": "2020-01-01 00:00:00"},
            {"student_anonymised": True},
            {"bundle_key": "forged"},
            {"ready_percent": 100.0},
        ):
            self.assert_write_refused(self.agreement, self.teacher, vals)
        self.assertEqual(self.agreement.readiness, "blocked")

    def test_agreement_created_ready_is_refused_also_by_a_default(self):
        vals = {
            "source_ref": "KOSKI-FORGE-2",
            "employer_id": self.org.id,
            "instructor_id": self.instructor.id,
            "company_id": self.company.id,
        }
        self.assert_create_refused("redu.workplace.agreement", self.teacher, dict(vals, readiness="ready"))
        Agreement = self.env["redu.workplace.agreement"].with_context(default_national_survey_reaches=True)
        with self.assertRaises(AccessError):
            Agreement.with_user(self.teacher).create(vals)

    def test_teacher_edit_still_revalidates_as_the_system(self):
        self.agreement.with_user(self.teacher).write({"part_time_percent": 100})
        self.assertEqual(self.agreement.readiness, "ready")
        self.assertTrue(self.agreement.last_validated)

    def test_fields_get_marks_system_fields_readonly(self):
        described = (
            self.env["redu.workplace.agreement"].with_user(self.teacher).fields_get(["readiness", "part_time_percent"])
        )
        self.assertTrue(described["readiness"]["readonly"])
        self.assertFalse(described["part_time_percent"]["readonly"])

    def test_issues_are_read_only_for_users(self):
        issue = self.agreement.issue_ids[:1]
        self.assertTrue(issue)
        self.assert_write_refused(issue, self.teacher, {"severity": "info"})
        self.assert_create_refused(
            "redu.contact.issue",
            self.teacher,
            {
                "agreement_id": self.agreement.id,
                "rule_code": issue.rule_code,
                "severity": "info",
                "company_id": self.company.id,
            },
        )

    # ------------------------------------------------------------ partners
    def test_partner_computed_and_register_fields_cannot_be_forged(self):
        for vals in (
            {"cooperation_type": "strategic"},
            {"partnership_level_percent": 100.0},
            {"contact_confirmed_date": "2020-01-01 00:00:00"},
        ):
            self.assert_write_refused(self.org, self.sales, vals)

    def test_register_data_cannot_be_forged(self):
        # the register's data is written by the register's fetch only: a user's save that sends it is
        # refused by the write guard (no network call in create/write either)
        forged = {"ytj_status": "ceased", "ytj_fetch_date": "2020-01-01 00:00:00"}
        self.assert_write_refused(self.org, self.sales, forged)
        self.assert_create_refused(
            "res.partner", self.sales, {"name": "Forged Oy", "is_company": True, "ytj_name": "Forged Oy"}
        )

    def test_level_history_is_written_by_the_level_change_only(self):
        level_b = self.env.ref("redu_partnership.partnership_level_b")
        self.org.with_user(self.sales).write({"partnership_level_id": level_b.id})
        history = self.org.partnership_level_history_ids
        self.assertEqual(history.new_level_id, level_b)
        self.assert_write_refused(history, self.sales, {"note": "forged"})
        self.assert_create_refused(
            "redu.partnership.level.history",
            self.sales,
            {"partner_id": self.org.id, "new_level_id": level_b.id},
        )

    # ------------------------------------------------------------ processes
    def test_process_revenue_and_dashboard_values_cannot_be_forged(self):
        for vals in (
            {"invoiced_revenue": 99999.0},
            {"response_hours": 0.5},
            {"checklist_complete_percent": 100.0},
            {"progress_state": "done"},
            {"response_escalated": True},
        ):
            self.assert_write_refused(self.process, self.teacher, vals)

    def test_checklist_stamp_is_the_system_s(self):
        line = self.env["redu.service.process.checklist.line"].create(
            {"process_id": self.process.id, "name": "Turvallisuusperehdytys", "required": False}
        )
        self.assert_write_refused(line, self.teacher, {"done_by": self.sales.id})
        line.with_user(self.teacher).write({"done": True})
        self.assertEqual(line.done_by, self.teacher)
        self.assertTrue(line.done_date)
        with self.assertRaises(AccessError):
            self.env["redu.service.process.checklist.line"].with_user(self.teacher).create(
                {"process_id": self.process.id, "name": "Forged", "done": True, "done_by": self.sales.id}
            )

    # ------------------------------------------------------------ confirmations
    def test_confirmation_outcome_cannot_be_forged(self):
        confirmations, _first = self.env["redu.instructor.confirmation"]._for_agreements(self.agreement)
        confirmation = confirmations.with_env(self.env)
        for vals in (
            {"state": "confirmed"},
            {"answered_count": 1},
            {"access_token": "forged"},
            {"reminder_count": 2},
        ):
            self.assert_write_refused(confirmation, self.teacher, vals)
        confirmation.with_user(self.teacher).action_revoke()
        self.assertTrue(confirmation.token_revoked)
        token = confirmation.access_token
        confirmation.with_user(self.teacher).action_reissue()
        self.assertNotEqual(confirmation.access_token, token)
        self.assertFalse(confirmation.token_revoked)

    # ------------------------------------------------------------ workplace survey
    def test_survey_answers_cannot_be_forged_even_by_the_administrator(self):
        bundle = self.env["redu.tpk.bundle"].create(
            {
                "name": "forge/0000000-0/entity/2026-1",
                "period_start": "2026-01-01",
                "period_end": "2026-06-30",
                "company_id": self.company.id,
            }
        )
        for vals in ({"answer_count": 12}, {"sent_date": "2026-01-02 00:00:00"}, {"answer_rate": 100.0}):
            self.assert_write_refused(bundle, self.feedback_admin, vals)

    # ------------------------------------------------------------ duplicates
    def test_duplicate_pair_stamps_are_the_system_s(self):
        other = self.env["res.partner"].create({"name": "Rovaniemen Rakennus", "is_company": True})
        first, second = sorted((self.org, other), key=lambda partner: partner.id)
        pair = self.env["redu.partner.duplicate"].create(
            {"partner_id": first.id, "other_partner_id": second.id, "reason": "name_city", "score": 80}
        )
        self.assert_write_refused(pair, self.sales, {"score": 100})
        self.assert_write_refused(pair, self.sales, {"dismissed_by_id": self.teacher.id})
        pair.with_user(self.sales).action_dismiss()
        self.assertEqual(pair.state, "dismissed")
        self.assertEqual(pair.dismissed_by_id, self.sales)

    def test_merge_by_a_partnership_manager_carries_the_register_data_over(self):
        manager = new_test_user(
            self.env,
            login="forge_partnership_manager",
            company_id=self.company.id,
            company_ids=[(6, 0, self.company.ids)],
            # Odoo's merge moves the website visitors too: only a website designer may
            groups="base.group_user,redu_partnership.group_partnership_manager,website.group_website_designer",
        )
        duplicate = self.env["res.partner"].create(
            {"name": "ROVANIEMEN RAKENNUS", "is_company": True, "ytj_status": "ceased", "ytj_name": "Rovaniemen R"}
        )
        wizard = (
            self.env["base.partner.merge.automatic.wizard"]
            .with_user(manager)
            .with_context(active_model="res.partner", active_ids=(self.org | duplicate).ids)
            .create({"dst_partner_id": self.org.id})
        )
        wizard.action_merge()
        self.assertFalse(duplicate.exists())
        self.assertEqual((self.org.ytj_status, self.org.ytj_name), ("ceased", "Rovaniemen R"))

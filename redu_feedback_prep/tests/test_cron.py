# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import importlib.util
from datetime import timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

from odoo.tests import tagged
from odoo.tools import SQL

from .common import FeedbackCase


@tagged("post_install", "-at_install")
class TestCrons(FeedbackCase):
    def test_retention_default_and_anonymisation(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.redu_feedback_retention_years, 3)
        limit = self.today - relativedelta(years=3)
        expired = self._agreement(
            student_name="Vanha Opiskelija",
            student_ref="S-OLD",
            start_date=limit - timedelta(days=100),
            end_date=limit - timedelta(days=1),
        )
        kept = self._agreement(
            student_name="Tuore Opiskelija", student_ref="S-NEW", start_date=limit - timedelta(days=100), end_date=limit
        )
        done = self.Agreement._cron_anonymise_students()
        self.assertIn(expired, done)
        self.assertFalse(expired.student_name)
        self.assertFalse(expired.student_ref)
        self.assertTrue(expired.student_anonymised)
        self.assertEqual(kept.student_name, "Tuore Opiskelija")
        self.assertEqual(kept.student_ref, "S-NEW")

    def test_retention_setting(self):
        self.env["res.config.settings"].create({"redu_feedback_retention_years": 1}).execute()
        self.assertEqual(self.Agreement._get_retention_years(), 1)
        agreement = self._agreement(
            start_date=self.today - timedelta(days=800), end_date=self.today - timedelta(days=400)
        )
        self.Agreement._cron_anonymise_students()
        self.assertFalse(agreement.student_name)

    def test_cron_records_exist(self):
        self.assertEqual(self.env.ref("redu_feedback_prep.ir_cron_validate_contacts").interval_type, "days")
        self.assertEqual(self.env.ref("redu_feedback_prep.ir_cron_anonymise_students").interval_type, "days")

    def test_nightly_validation(self):
        recent, upcoming, old = self._unvalidated(
            [
                self._agreement_vals(
                    start_date=self.today - timedelta(days=100), end_date=self.today - timedelta(days=30)
                ),
                self._agreement_vals(part_time_percent=0),
                self._agreement_vals(
                    start_date=self.today - timedelta(days=100), end_date=self.today - timedelta(days=31)
                ),
            ]
        )
        self.Agreement._cron_validate_contacts()
        self.assertEqual(recent.readiness, "ready")
        self.assertEqual(upcoming.readiness, "blocked")
        self.assertEqual(old.readiness, "unchecked", "ended more than 30 days ago: left alone")

    def test_dashboard(self):
        self._agreement()
        self._agreement(part_time_percent=0, end_date=self.today + timedelta(days=10))
        self._agreement(part_time_percent=0, end_date=self.today + timedelta(days=40))
        self._agreement(instructor_id=self._instructor(phone=False).id)
        self.env.flush_all()
        line = self.env["redu.feedback.dashboard"].search([("company_id", "=", self.company.id)])
        self.assertEqual(
            (line.agreement_count, line.ready_count, line.warning_count, line.blocked_count, line.blocked_soon_count),
            (4, 1, 1, 2, 1),
        )
        self.assertEqual(line.ready_percent, 25.0)
        action = line.action_open_blocked()
        self.assertEqual(self.Agreement.search(action["domain"]).mapped("readiness"), ["blocked", "blocked"])
        other = (
            self.env["redu.feedback.dashboard"]
            .with_user(self.teacher)
            .with_context(allowed_company_ids=[self.company.id])
            .search([])
        )
        self.assertEqual(other.company_id, self.company)


@tagged("post_install", "-at_install")
class TestMigration(FeedbackCase):
    def test_upgrade_to_1_1_resets_the_fillfactor_and_judges_the_open_agreements(self):
        path = Path(__file__).parent.parent / "migrations" / "19.0.1.1.0" / "post-migrate.py"
        spec = importlib.util.spec_from_file_location("redu_feedback_prep_migrate_1_1", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        agreement = self._unvalidated([self._agreement_vals()])
        self.env.cr.execute(SQL("ALTER TABLE redu_workplace_agreement SET (fillfactor = 80)"))
        migration.migrate(self.env.cr, "19.0.1.0.0")
        self.env.cr.execute(SQL("SELECT reloptions FROM pg_class WHERE relname = 'redu_workplace_agreement'"))
        self.assertFalse(self.env.cr.fetchone()[0])
        self.assertEqual(agreement.readiness, "ready")
        self.assertTrue(agreement.national_survey_reaches)

    def test_upgrade_to_1_3_packs_the_agreements_half_full_after_the_1_1_reset(self):
        folder = Path(__file__).parent.parent / "migrations"
        for version in ("19.0.1.1.0", "19.0.1.3.0"):
            spec = importlib.util.spec_from_file_location(
                f"redu_feedback_prep_migrate_{version}", folder / version / "post-migrate.py"
            )
            migration = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(migration)
            migration.migrate(self.env.cr, "19.0.1.0.0")
        self.env.cr.execute(SQL("SELECT reloptions FROM pg_class WHERE relname = 'redu_workplace_agreement'"))
        self.assertEqual(self.env.cr.fetchone()[0], ["fillfactor=50"])

    def test_upgrade_to_1_4_drops_the_issues_log_columns(self):
        path = Path(__file__).parent.parent / "migrations" / "19.0.1.4.0" / "post-migrate.py"
        spec = importlib.util.spec_from_file_location("redu_feedback_prep_migrate_1_4", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        # the columns as a database before 1.4.0 has them (a new one never had them)
        self.env.cr.execute(
            SQL(
                "ALTER TABLE redu_contact_issue ADD COLUMN IF NOT EXISTS create_uid int4 REFERENCES res_users(id), "
                "ADD COLUMN IF NOT EXISTS write_date timestamp"
            )
        )
        migration.migrate(self.env.cr, "19.0.1.3.2")
        migration.migrate(self.env.cr, "19.0.1.3.2")  # again: nothing left to drop, no error
        self.env.cr.execute(
            SQL(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'redu_contact_issue'"
                " AND column_name IN %s",
                migration.LOG_COLUMNS,
            )
        )
        self.assertFalse(self.env.cr.fetchall())
        # the validation still writes its issues
        self.instructor.write({"email": "info@lapintesti.fi"})
        self.assertTrue(self._agreement().issue_ids)

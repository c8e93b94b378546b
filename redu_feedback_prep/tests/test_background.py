# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import timedelta
from unittest.mock import patch

from psycopg2 import errors

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from ..models import redu_workplace_agreement as agreement_module
from ..wizards import redu_agreement_import_wizard as import_module
from .common import HEADER, FeedbackCase, counting_file_reads

MODEL_LOGGER = "odoo.addons.redu_feedback_prep.models.redu_workplace_agreement"
WIZARD_LOGGER = "odoo.addons.redu_feedback_prep.wizards.redu_agreement_import_wizard"


@tagged("post_install", "-at_install")
class TestBackgroundValidation(FeedbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Job = cls.env["redu.background.job"]
        # five open agreements of one bundle (same instructor), not yet validated
        cls.agreements = cls._unvalidated([cls._agreement_vals(student_ref=f"S{i}") for i in range(5)])
        cls.bad = cls.agreements[2]

    def _break(self, agreement):
        """The national rules cannot judge the stored data of ``agreement`` (whatever the cause)."""
        original = agreement_module.ReduWorkplaceAgreement._national_periods

        def national_periods(model, rows, partners):
            if agreement.id in rows:
                raise ValueError("year 10000 is out of range")
            return original(model, rows, partners)

        return patch.object(agreement_module.ReduWorkplaceAgreement, "_national_periods", national_periods)

    def test_nightly_validation_skips_and_reports_a_bad_record(self):
        with (
            self._break(self.bad),
            patch.object(agreement_module, "VALIDATION_BATCH", 2),
            mute_logger(MODEL_LOGGER),
        ):
            self.Agreement._cron_validate_contacts()
        good = self.agreements - self.bad
        self.assertEqual(set(good.mapped("readiness")), {"ready"}, "the bad one's bundle mates are validated")
        self.assertEqual(self.bad.readiness, "unchecked", "skipped, its verdict left as it was")
        job = self.Job.search([("identity_key", "=", "redu_feedback_prep.nightly_validation")])
        self.assertEqual((job.state, job.company_id.id), ("done", False), "a task of every entity")
        self.assertEqual(job.channel, "long", "it does not hold the users' tasks")
        self.assertEqual(job.done, job.total)
        self.assertEqual(self.Job.with_user(self.manager).search([("id", "=", job.id)]), job, "managers see it")
        teacher_jobs = self.Job.with_user(self.teacher).with_context(allowed_company_ids=[self.company.id])
        self.assertFalse(teacher_jobs.search([("id", "=", job.id)]), "a teacher does not")
        self.assertEqual(job.counts["skipped"], 1)
        self.assertEqual(job.line_ids.res_id, self.bad.id)
        self.assertIn("year 10000", job.line_ids.message)
        self.assertIn("1 skipped", job.result)
        self.assertIn("year 10000", self.bad.message_ids[0].body, "noted on the agreement")
        self.assertIn(self.bad.name, job.report_attachment_id.raw.decode("utf-8-sig"))

    def test_the_good_mates_of_a_bad_record_are_judged_together(self):
        # a namesake instructor with another email in the same bundle: every period sees the mismatch
        namesake = self._instructor(name=self.instructor.name, email="maija.m@lapintesti.fi")
        other = self.Agreement.with_context(redu_skip_validation=True).create(
            self._agreement_vals(instructor_id=namesake.id, student_ref="S9")
        )
        with self._break(self.bad), mute_logger(MODEL_LOGGER):
            skipped = (self.agreements | other)._validate_skipping_bad()
        self.assertEqual(skipped, self.bad)
        for agreement in self.agreements - self.bad | other:
            self.assertIn("email_mismatch", self.codes(agreement), "judged with its good mates")

    def test_bundle_mates_of_agreements_with_student_ids_are_found(self):
        # regression: with student IDs the mates' search was (bundle key OR date) AND same student
        namesake = self._instructor(name=self.instructor.name, email="maija.m@lapintesti.fi")
        other = self.Agreement.with_context(redu_skip_validation=True).create(
            self._agreement_vals(instructor_id=namesake.id, student_ref="S9")
        )
        self.agreements[0]._validate_contacts()
        self.assertIn("email_mismatch", self.codes(self.agreements[0]))
        self.assertIn("email_mismatch", self.codes(other), "the mate of another student is judged too")

    def test_large_selection_is_a_background_task_of_its_user(self):
        self.env["ir.config_parameter"].sudo().set_param("redu_background.threshold.validation", "4")
        selection = self.agreements.with_user(self.teacher).with_context(allowed_company_ids=[self.company.id])
        action = selection.action_validate_contacts()
        self.assertEqual(action["res_model"], "redu.background.job")
        job = self.Job.browse(action["res_id"])
        self.assertEqual((job.user_id, job.state, job.total), (self.teacher, "queued", 5))
        self.assertEqual(set(self.agreements.mapped("readiness")), {"unchecked"}, "the request returns at once")
        self.assertEqual(
            self.Job.with_user(self.teacher).with_context(allowed_company_ids=[self.company.id]).search([]), job
        )
        self.assertFalse(self.Job.with_user(self.manager).search([("user_id", "=", self.manager.id)]))
        self.assertEqual(self.Job.with_user(self.manager).search([("id", "=", job.id)]), job, "a manager sees it")
        self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done), ("done", 5))
        self.assertEqual(set(self.agreements.mapped("readiness")), {"ready"})

    def test_small_selection_stays_synchronous(self):
        self.env["ir.config_parameter"].sudo().set_param("redu_background.threshold.validation", "5")
        result = self.agreements.action_validate_contacts()
        self.assertIs(result, True)
        self.assertEqual(set(self.agreements.mapped("readiness")), {"ready"})

    def test_no_context_key_moves_work_into_a_worker(self):
        # an RPC caller sets any context key: the threshold is the system parameter's, not theirs
        selection = self.agreements.with_user(self.teacher).with_context(
            allowed_company_ids=[self.company.id], redu_background_threshold=1
        )
        result = selection.action_validate_contacts()
        self.assertIs(result, True, "validated at once")
        self.assertFalse(self.Job.search([("user_id", "=", self.teacher.id)]), "no background task")
        self.assertEqual(set(self.agreements.mapped("readiness")), {"ready"})

    def test_nightly_validation_is_never_queued_twice(self):
        with patch.object(self.registry["redu.background.job"], "_commit_batch", return_value=0):
            # the cron's time is up after the first batch: the task stays open
            with patch.object(agreement_module, "VALIDATION_BATCH", 2):
                self.Agreement._cron_validate_contacts()
                job = self.Job.search([("identity_key", "=", "redu_feedback_prep.nightly_validation")])
                self.assertEqual(job.state, "running")
                self.Agreement._cron_validate_contacts()
        self.assertEqual(
            self.Job.search([("identity_key", "=", "redu_feedback_prep.nightly_validation")]), job, "resumed"
        )


@tagged("post_install", "-at_install")
class TestBackgroundImport(FeedbackCase):
    def _row(self, ref, kind="training_agreement"):
        end = self.today + timedelta(days=60)
        start = self.today - timedelta(days=30)
        return f"{ref};{kind};X;S-{ref};Taustatyö Oy;;;Ville Vallila;ville@tausta.fi;0401112222;{start};{end};100;;;;"

    def _queue_refs(self, refs):
        """The manager's import of a file of one row per source ID (a kind after a colon), as a background task."""
        return self._queue_import([self._row(*ref.split(":")) for ref in refs])

    def test_large_file_is_imported_in_the_background(self):
        job = self._queue_refs(["BG-1", "BG-2:harjoittelu", "BG-3", "BG-1", "BG-4"])
        self.assertEqual((job.state, job.total, job.user_id), ("queued", 5, self.manager))
        self.assertFalse(self.Agreement.search([("source_ref", "like", "BG-")]), "nothing imported in the request")
        self.assertEqual(job.channel, "long")
        with patch.object(import_module, "IMPORT_BATCH", 2), mute_logger(WIZARD_LOGGER):
            self.env["redu.background.job"]._cron_run_jobs("long")
        self.assertEqual((job.state, job.done), ("done", 5))
        self.assertEqual(
            sorted(self.Agreement.search([("source_ref", "like", "BG-")]).mapped("source_ref")),
            ["BG-1", "BG-3", "BG-4"],
        )
        self.assertEqual((job.counts["created"], job.counts["errors"]), (3, 2))
        self.assertEqual(job.line_ids.mapped("ref"), ["Row 3 (BG-2)", "Row 5 (BG-1)"])
        self.assertIn("already on row 2", job.line_ids[1].message, "a duplicate of an earlier batch")
        self.assertEqual(job.payload["seen_refs"], {"BG-1": 2}, "only the source IDs the file repeats are kept")
        self.assertIn("3 created", job.result)
        self.assertEqual(self.Agreement.search([("source_ref", "=", "BG-1")]).company_id, self.company)

    def test_the_file_is_read_once_per_run_of_the_task_not_per_batch(self):
        # As a worker runs it: Odoo's cron loop, each batch committed (ir.cron._commit_progress; a savepoint here).
        # A commit empties the cursor's cache: the rows of the file were read again, and parsed, for every batch.
        job = self._queue_refs(["RO-1", "RO-2", "RO-3", "RO-4", "RO-5"])
        self.env.flush_all()
        cron = self.env.ref("redu_background.ir_cron_run_background_jobs_long")
        cron_job = {**cron.read(load=None)[0], "done": 0, "remaining": 0, "timed_out_counter": 0}
        with (
            patch.object(import_module, "IMPORT_BATCH", 2),
            counting_file_reads() as reads,
            self.enter_registry_test_mode(),
            self.registry.cursor() as cr,
        ):
            self.registry["ir.cron"]._process_job(cr, cron_job)
        job.invalidate_recordset()
        self.assertEqual((job.state, job.done), ("done", 5), "three batches, each committed")
        self.assertEqual(reads, ["big.csv"], "one read for the run")

    def test_a_batch_meeting_a_concurrent_update_is_retried_whole_not_row_by_row(self):
        # Another transaction (a user editing an agreement or a partner of the batch) wrote a row since the task's
        # began: PostgreSQL refuses the write. Retried row by row in the same transaction, every row touching that
        # row would fail alike and be reported as a bad row; the batch is redone in a new transaction instead.
        job = self._queue_refs(["CC-1", "CC-2", "CC-3", "CC-4"])
        original = import_module.ReduAgreementImportWizard._upsert_agreements
        conflict = {"raise": True}

        def upsert_agreements(wizard, good, *args, **kwargs):
            if conflict["raise"] and any(values["source_ref"] == "CC-3" for _number, values in good):
                raise errors.SerializationFailure("could not serialize access due to concurrent update")
            return original(wizard, good, *args, **kwargs)

        with (
            patch.object(import_module, "IMPORT_BATCH", 2),
            patch.object(import_module.ReduAgreementImportWizard, "_upsert_agreements", upsert_agreements),
            mute_logger(WIZARD_LOGGER),
        ):
            self.env["redu.background.job"]._cron_run_jobs("long")
            self.assertEqual((job.state, job.done, job.error), ("running", 2, False), "waits, not failed")
            self.assertFalse(job.line_ids, "no row is reported for another transaction's write")
            self.assertEqual(job.counts, {"created": 2, "updated": 0, "unchanged": 0, "errors": 0})
            self.assertTrue(job.date_next_try, "the batch is retried soon")
            # the other transaction has ended: the batch goes through
            conflict["raise"] = False
            job.sudo().date_next_try = fields.Datetime.now() - timedelta(seconds=1)
            self.env["redu.background.job"]._cron_run_jobs("long")
        self.assertEqual(
            (job.state, job.done, job.counts["created"], job.line_ids), ("done", 4, 4, job.line_ids.browse())
        )
        self.assertEqual(len(self.Agreement.search([("source_ref", "like", "CC-")])), 4)


def _job_noop(self, job):
    """A partnership operation for the tests (its task is never run)."""
    return 0


@tagged("post_install", "-at_install")
class TestBackgroundVisibility(FeedbackCase):
    """A task is seen by its starter and the managers of its operation, never through another addon."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Job = cls.env["redu.background.job"]
        cls.partnership_manager = new_test_user(
            cls.env,
            login="bg_partnership_manager",
            groups="base.group_user,redu_partnership.group_partnership_manager",
            company_ids=[cls.company.id, cls.other_company.id],
            company_id=cls.company.id,
        )
        cls.startClassPatcher(patch.object(cls.registry["res.partner"], "_job_noop", _job_noop, create=True))

    def _import_task(self):
        """A feedback administrator's import of a student file: names and student IDs."""
        self.env["ir.config_parameter"].sudo().set_param("redu_background.threshold.import", "1")
        end = self.today + timedelta(days=60)
        start = self.today - timedelta(days=30)
        rows = [
            f"V-{i};training_agreement;Student {i};S-V{i};Oy;;;Ville Vallila;v@t.fi;0401112222;{start};{end};100;;;;"
            for i in (1, 2)
        ]
        wizard = (
            self.env["redu.agreement.import.wizard"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.company.id])
            .create({"file_data": base64.b64encode("\n".join([HEADER, *rows]).encode()), "file_name": "students.csv"})
        )
        return self.Job.browse(wizard.action_import()["res_id"])

    def test_a_partnership_manager_does_not_see_a_feedback_import_nor_its_file(self):
        job = self._import_task()
        file = job.attachment_id
        self.assertTrue(file)
        self.assertFalse(self.partnership_manager.has_group("redu_feedback_prep.group_feedback_user"))
        Job = self.Job.with_user(self.partnership_manager)
        self.assertFalse(Job.search([("id", "=", job.id)]))
        with self.assertRaises(AccessError):
            job.with_user(self.partnership_manager).read(["name"])
        with self.assertRaises(AccessError):
            file.with_user(self.partnership_manager).read(["raw"])
        self.assertFalse(self.env["ir.attachment"].with_user(self.partnership_manager).search([("id", "=", file.id)]))
        # the starter (a feedback administrator) does; a teacher, who manages no imports, does not
        self.assertEqual(self.Job.with_user(self.manager).search([("id", "=", job.id)]), job)
        self.assertIn(b"S-V1", file.with_user(self.manager).raw)
        teacher_jobs = self.Job.with_user(self.teacher).with_context(allowed_company_ids=[self.company.id])
        self.assertFalse(teacher_jobs.search([("id", "=", job.id)]))

    def test_a_feedback_manager_does_not_see_a_partnership_task(self):
        job = self.Job.with_user(self.partnership_manager)._enqueue(
            "Partnership task",
            self.Partner,
            "_job_noop",
            res_ids=self.employer.ids,
            manager_group="redu_partnership.group_partnership_manager",
        )
        self.assertFalse(self.manager.has_group("redu_partnership.group_partnership_manager"))
        self.assertFalse(self.Job.with_user(self.manager).search([("id", "=", job.id)]))
        self.assertEqual(self.Job.with_user(self.partnership_manager).search([]), job, "its starter sees it")

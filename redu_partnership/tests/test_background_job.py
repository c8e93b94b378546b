# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import RecordCapturer, tagged
from odoo.tools import mute_logger

from .common import PartnershipCase


def _job_touch_partners(self, job):
    """A job method for the tests: writes the comment of the next two partners of the job."""
    ids = job.res_ids[job.done : job.done + 2]
    partners = self.browse(ids)
    if "BOOM" in partners.mapped("name"):
        raise ValueError("a broken partner")
    partners.write({"comment": f"touched by {self.env.user.login}"})
    job._add_counts(touched=len(partners))
    job.result = f"{job.counts['touched']} touched"
    return len(ids)


@tagged("post_install", "-at_install")
class TestBackgroundJob(PartnershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Job = cls.env["redu.background.job"]
        cls.cron = cls.env.ref("redu_partnership.ir_cron_run_background_jobs")
        cls.partners = cls.Partner.create([{"name": f"Job Partner {i}", "is_company": True} for i in range(5)])
        cls.startClassPatcher(
            patch.object(cls.registry["res.partner"], "_job_touch_partners", _job_touch_partners, create=True)
        )

    def _enqueue(self, user, partners):
        Partner = self.Partner.with_user(user)
        with RecordCapturer(self.env["ir.cron.trigger"].sudo(), [("cron_id", "=", self.cron.id)]) as triggers:
            job = self.Job.with_user(user)._enqueue(
                "Touch partners", Partner, "_job_touch_partners", res_ids=partners.ids
            )
        self.assertTrue(triggers.records, "the cron is triggered to start soon")
        return job

    def test_job_runs_as_its_user_in_batches_and_notifies(self):
        job = self._enqueue(self.partnership_user, self.partners)
        self.assertEqual((job.state, job.done, job.total, job.progress), ("queued", 0, 5, 0.0))
        self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done, job.progress), ("done", 5, 100.0))
        self.assertEqual(job.result, "5 touched")
        self.assertEqual(set(self.partners.mapped("comment")), {"<p>touched by redu_sales</p>"})
        self.assertTrue(job.date_started and job.date_done)
        message = job.message_ids.filtered(lambda m: self.partnership_user.partner_id in m.partner_ids)
        self.assertTrue(message, "the user who started the task gets a notification")
        self.assertIn("5 touched", message.body)

    def test_runs_in_odoos_cron_loop_with_committed_progress(self):
        job = self._enqueue(self.partnership_user, self.partners)
        self.env.flush_all()
        cron_job = {**self.cron.read(load=None)[0], "done": 0, "remaining": 0, "timed_out_counter": 0}
        # core's own cron loop: each batch is committed with ir.cron._commit_progress (a savepoint here)
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            self.registry["ir.cron"]._process_job(cr, cron_job)
        job.invalidate_recordset()
        self.assertEqual((job.state, job.done), ("done", 5))
        progress = self.env["ir.cron.progress"].search([("cron_id", "=", self.cron.id)])
        self.assertEqual(sum(progress.mapped("done")), 5, "ir.cron.progress counts the processed records")
        self.assertEqual(set(self.partners.mapped("comment")), {"<p>touched by redu_sales</p>"})

    def test_time_up_resumes_where_it_stopped(self):
        job = self._enqueue(self.partnership_user, self.partners)
        # the cron's time is up after each batch: the job stops and the next run goes on
        with patch.object(self.registry["redu.background.job"], "_commit_batch", return_value=0):
            self.assertFalse(self.Job._run_jobs(self.cron), "stopped before the end")
            self.assertEqual((job.state, job.done), ("running", 2))
            self.Job._cron_run_jobs()
            self.assertEqual(job.done, 4)
            self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done), ("done", 5))

    def test_failing_batch_fails_the_job_and_keeps_finished_batches(self):
        self.partners[3].name = "BOOM"
        job = self._enqueue(self.partnership_user, self.partners)
        other = self._enqueue(self.partnership_user, self.partners[:2])
        with mute_logger("odoo.addons.redu_partnership.models.redu_background_job"):
            self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done), ("failed", 2))
        self.assertIn("a broken partner", job.error)
        self.assertEqual(self.partners[0].comment, "<p>touched by redu_sales</p>")
        self.assertFalse(self.partners[2].comment, "the failed batch was rolled back")
        self.assertEqual(other.state, "done", "a failed task does not stop the next one")

    def test_only_job_methods_can_be_queued(self):
        with self.assertRaises(ValueError):
            self.Job._enqueue("Delete", self.partners, "unlink", res_ids=self.partners.ids)

    def test_visibility_and_write_protection(self):
        job = self._enqueue(self.partnership_user, self.partners)
        Job = self.Job.with_user(self.partnership_user)
        self.assertEqual(Job.search([]), job)
        self.assertEqual(job.with_user(self.partnership_user).name, "Touch partners")
        self.assertFalse(self.Job.with_user(self.partnership_user_2).search([("id", "=", job.id)]))
        with self.assertRaises(AccessError):
            job.with_user(self.partnership_user_2).read(["name"])
        self.assertEqual(self.Job.with_user(self.partnership_manager).search([("id", "=", job.id)]), job)
        # the progress and the result are the system's: no user writes or creates a task (RPC)
        with self.assertRaises(AccessError):
            job.with_user(self.partnership_user).write({"state": "done", "result": "forged"})
        with self.assertRaises(AccessError):
            Job.create(
                {"name": "x", "user_id": self.partnership_user.id, "res_model": "res.partner", "method": "_job_x"}
            )

    def test_cancel(self):
        job = self._enqueue(self.partnership_user, self.partners)
        with self.assertRaises(AccessError):
            job.with_user(self.partnership_user_2).action_cancel()
        job.with_user(self.partnership_user).action_cancel()
        self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done), ("cancelled", 0))
        with self.assertRaises(UserError):
            job.with_user(self.partnership_user).action_cancel()

    def test_report_neutralises_formulas(self):
        job = self._enqueue(self.partnership_user, self.partners[:1])
        job.sudo()._add_lines([{"ref": "=HYPERLINK(1)", "message": "-bad value"}])
        self.Job._cron_run_jobs()
        report = job.report_attachment_id.raw.decode("utf-8-sig").splitlines()
        self.assertEqual(report[1], "'=HYPERLINK(1);;'-bad value")

    def test_threshold(self):
        self.assertEqual(self.Job._threshold("validation", 2000), 2000)
        self.env["ir.config_parameter"].set_param("redu_partnership.background_threshold.validation", "10")
        self.assertEqual(self.Job._threshold("validation", 2000), 10)
        self.assertEqual(self.Job.with_context(redu_background_threshold=3)._threshold("validation", 2000), 3)

    def test_finished_tasks_are_deleted_after_the_retention_with_their_files(self):
        old_done = self._enqueue(self.partnership_user, self.partners[:1])
        old_done.sudo()._add_lines([{"ref": "row 2", "message": "bad"}])
        self.Job._cron_run_jobs()
        report = old_done.report_attachment_id
        self.assertTrue(report)
        recent_done = self._enqueue(self.partnership_user, self.partners[:1])
        self.Job._cron_run_jobs()
        old_queued = self._enqueue(self.partnership_user, self.partners[:1])
        long_ago = fields.Datetime.subtract(fields.Datetime.now(), days=91)
        (old_done | old_queued).sudo().write({"date_done": long_ago})
        self.Job._gc_finished_jobs()
        self.assertFalse(old_done.exists() or report.exists())
        self.assertEqual((recent_done | old_queued).exists(), recent_done | old_queued)
        self.env["ir.config_parameter"].set_param("redu_partnership.background_retention_days", "0")
        self.Job._gc_finished_jobs()
        self.assertTrue(recent_done.exists(), "a retention below one day is one day")

# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta
from unittest.mock import patch

from psycopg2 import IntegrityError, errors

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import RecordCapturer, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..exceptions import RetryLater

MODEL_LOGGER = "odoo.addons.redu_background.models.redu_background_job"


def _job_touch_partners(self, job):
    """A job method for the tests: writes the comment of the next two partners of the job."""
    ids = job.res_ids[job.done : job.done + 2]
    partners = self.browse(ids)
    if "BOOM" in partners.mapped("name"):
        raise ValueError("a broken partner")
    partners.write({"comment": f"touched by {self.env.user.login}"})
    if "SLOW DOWN" in partners.mapped("name"):
        raise RetryLater(120, "rate limited")
    if "CONCURRENT" in partners.mapped("name"):
        # what PostgreSQL raises when another transaction wrote one of these rows since this one began
        raise errors.SerializationFailure("could not serialize access due to concurrent update")
    job._add_counts(touched=len(partners))
    job.result = f"{job.counts['touched']} touched"
    return len(ids)


@tagged("post_install", "-at_install")
class TestBackgroundJob(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Job = cls.env["redu.background.job"]
        cls.Partner = cls.env["res.partner"]
        cls.cron = cls.env.ref("redu_background.ir_cron_run_background_jobs")
        cls.cron_long = cls.env.ref("redu_background.ir_cron_run_background_jobs_long")
        cls.manager_group = cls.env["res.groups"].create({"name": "Operation managers (test)"})
        cls.other_group = cls.env["res.groups"].create({"name": "Other operation managers (test)"})
        groups = "base.group_user,base.group_partner_manager"
        cls.user = new_test_user(cls.env, login="bg_user", groups=groups)
        cls.user_2 = new_test_user(cls.env, login="bg_user_2", groups=groups)
        cls.manager = new_test_user(cls.env, login="bg_manager", groups=groups)
        cls.manager.group_ids += cls.manager_group
        cls.other_manager = new_test_user(cls.env, login="bg_other_manager", groups=groups)
        cls.other_manager.group_ids += cls.other_group
        cls.admin = new_test_user(cls.env, login="bg_admin", groups="base.group_user,base.group_system")
        cls.partners = cls.Partner.create([{"name": f"Job Partner {i}", "is_company": True} for i in range(5)])
        cls.startClassPatcher(
            patch.object(cls.registry["res.partner"], "_job_touch_partners", _job_touch_partners, create=True)
        )

    def _enqueue(self, user, partners, cron=None, **kwargs):
        Partner = self.Partner.with_user(user)
        cron = cron or self.cron
        kwargs.setdefault("manager_group", self.manager_group)
        with RecordCapturer(self.env["ir.cron.trigger"].sudo(), [("cron_id", "=", cron.id)]) as triggers:
            job = self.Job.with_user(user)._enqueue(
                "Touch partners", Partner, "_job_touch_partners", res_ids=partners.ids, **kwargs
            )
        self.assertTrue(triggers.records, "the channel's cron is triggered to start soon")
        return job

    def test_job_runs_as_its_user_in_batches_and_notifies(self):
        job = self._enqueue(self.user, self.partners)
        self.assertEqual((job.state, job.done, job.total, job.progress), ("queued", 0, 5, 0.0))
        self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done, job.progress), ("done", 5, 100.0))
        self.assertEqual(job.result, "5 touched")
        self.assertEqual(set(self.partners.mapped("comment")), {"<p>touched by bg_user</p>"})
        self.assertTrue(job.date_started and job.date_done)
        message = job.message_ids.filtered(lambda m: self.user.partner_id in m.partner_ids)
        self.assertTrue(message, "the user who started the task gets a notification")
        self.assertIn("5 touched", message.body)

    def test_runs_in_odoos_cron_loop_with_committed_progress(self):
        job = self._enqueue(self.user, self.partners)
        self.env.flush_all()
        cron_job = {**self.cron.read(load=None)[0], "done": 0, "remaining": 0, "timed_out_counter": 0}
        # core's own cron loop: each batch is committed with ir.cron._commit_progress (a savepoint here)
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            self.registry["ir.cron"]._process_job(cr, cron_job)
        job.invalidate_recordset()
        self.assertEqual((job.state, job.done), ("done", 5))
        progress = self.env["ir.cron.progress"].search([("cron_id", "=", self.cron.id)])
        self.assertEqual(sum(progress.mapped("done")), 5, "ir.cron.progress counts the processed records")
        self.assertEqual(set(self.partners.mapped("comment")), {"<p>touched by bg_user</p>"})

    def test_time_up_resumes_where_it_stopped(self):
        job = self._enqueue(self.user, self.partners)
        # the cron's time is up after each batch: the job stops and the next run goes on
        with patch.object(self.registry["redu.background.job"], "_commit_batch", return_value=0):
            self.assertFalse(self.Job._run_jobs("default"), "stopped before the end")
            self.assertEqual((job.state, job.done), ("running", 2))
            self.Job._cron_run_jobs()
            self.assertEqual(job.done, 4)
            self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done), ("done", 5))

    def test_failing_batch_fails_the_job_and_keeps_finished_batches(self):
        self.partners[3].name = "BOOM"
        job = self._enqueue(self.user, self.partners)
        other = self._enqueue(self.user, self.partners[:2])
        with mute_logger(MODEL_LOGGER):
            self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done), ("failed", 2))
        self.assertIn("a broken partner", job.error)
        self.assertEqual(self.partners[0].comment, "<p>touched by bg_user</p>")
        self.assertFalse(self.partners[2].comment, "the failed batch was rolled back")
        self.assertEqual(other.state, "done", "a failed task does not stop the next one")

    def test_only_job_methods_can_be_queued(self):
        with self.assertRaises(ValueError):
            self.Job._enqueue("Delete", self.partners, "unlink", res_ids=self.partners.ids)

    def test_visibility_follows_the_starter_and_the_operations_managers(self):
        job = self._enqueue(self.user, self.partners)
        Job = self.Job.with_user(self.user)
        self.assertEqual(Job.search([]), job, "the starter sees their task")
        self.assertEqual(job.with_user(self.user).name, "Touch partners")
        self.assertFalse(self.Job.with_user(self.user_2).search([("id", "=", job.id)]))
        with self.assertRaises(AccessError):
            job.with_user(self.user_2).read(["name"])
        self.assertEqual(self.Job.with_user(self.manager).search([("id", "=", job.id)]), job)
        self.assertFalse(
            self.Job.with_user(self.other_manager).search([("id", "=", job.id)]),
            "the managers of another operation do not see it",
        )
        self.assertEqual(self.Job.with_user(self.admin).search([("id", "=", job.id)]), job, "administrators do")
        # the progress and the result are the system's: no user writes or creates a task (RPC)
        with self.assertRaises(AccessError):
            job.with_user(self.user).write({"state": "done", "result": "forged"})
        with self.assertRaises(AccessError):
            Job.create({"name": "x", "user_id": self.user.id, "res_model": "res.partner", "method": "_job_x"})

    def test_files_and_report_follow_the_task(self):
        job = self._enqueue(self.user, self.partners[:1], file_content=b"name;id\nStudent;S1\n", file_name="in.csv")
        job.sudo()._add_lines([{"ref": "row 2", "message": "bad"}])
        self.Job._cron_run_jobs()
        files = job.attachment_id | job.report_attachment_id
        self.assertEqual(len(files), 2)
        for user in (self.user, self.manager):
            self.assertEqual(len(files.with_user(user).read(["raw"])), 2, "readable with the task")
        for user in (self.user_2, self.other_manager):
            for attachment in files:
                with self.assertRaises(AccessError):
                    attachment.with_user(user).read(["raw"])
            self.assertFalse(
                self.env["ir.attachment"].with_user(user).search([("id", "in", files.ids)]),
                "nor found by a search",
            )
            self.assertFalse(self.env["redu.background.job.line"].with_user(user).search([("job_id", "=", job.id)]))

    def test_cancel(self):
        job = self._enqueue(self.user, self.partners)
        with self.assertRaises(AccessError):
            job.with_user(self.user_2).action_cancel()
        with self.assertRaises(AccessError):
            job.with_user(self.other_manager).action_cancel()
        job.with_user(self.user).action_cancel()
        self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done), ("cancelled", 0))
        with self.assertRaises(UserError):
            job.with_user(self.user).action_cancel()
        managed = self._enqueue(self.user, self.partners)
        managed.with_user(self.manager).action_cancel()
        self.assertEqual(managed.state, "cancelled", "a manager of the operation cancels it")

    def test_report_neutralises_formulas(self):
        job = self._enqueue(self.user, self.partners[:1])
        job.sudo()._add_lines([{"ref": "=HYPERLINK(1)", "message": "-bad value"}])
        self.Job._cron_run_jobs()
        report = job.report_attachment_id.raw.decode("utf-8-sig").splitlines()
        self.assertEqual(report[1], "'=HYPERLINK(1);;'-bad value")

    def test_threshold_comes_from_the_system_parameter_only(self):
        self.assertEqual(self.Job._threshold("validation", 2000), 2000)
        self.env["ir.config_parameter"].sudo().set_param("redu_background.threshold.validation", "10")
        self.assertEqual(self.Job._threshold("validation", 2000), 10)
        # an RPC caller's context does not move work into a worker, nor out of it
        Job = self.Job.with_user(self.user).with_context(redu_background_threshold=1)
        self.assertEqual(Job._threshold("validation", 2000), 10)

    def test_retry_later_rolls_back_the_batch_and_waits(self):
        self.partners[2].name = "SLOW DOWN"
        job = self._enqueue(self.user, self.partners)
        before = fields.Datetime.now()
        with RecordCapturer(self.env["ir.cron.trigger"].sudo(), [("cron_id", "=", self.cron.id)]) as triggers:
            self.assertTrue(self.Job._cron_run_jobs(), "the worker is not held")
        self.assertEqual((job.state, job.done), ("running", 2))
        self.assertFalse(self.partners[2].comment, "the batch that met the limit was rolled back")
        self.assertGreaterEqual(job.date_next_try, before + timedelta(seconds=119))
        self.assertEqual(triggers.records.call_at, job.date_next_try, "its cron comes back at that time")
        self.Job._cron_run_jobs()
        self.assertEqual(job.done, 2, "not retried before its time")
        self.partners[2].name = "Job Partner 2"
        job.sudo().date_next_try = fields.Datetime.now() - timedelta(seconds=1)
        self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done, job.date_next_try), ("done", 5, False))

    def test_concurrent_update_retries_the_batch_instead_of_failing_the_task(self):
        self.partners[2].name = "CONCURRENT"
        job = self._enqueue(self.user, self.partners)
        before = fields.Datetime.now()
        with RecordCapturer(self.env["ir.cron.trigger"].sudo(), [("cron_id", "=", self.cron.id)]) as triggers:
            self.assertTrue(self.Job._cron_run_jobs(), "the worker is not held")
        self.assertEqual((job.state, job.done, job.error), ("running", 2, False), "the task is not failed")
        self.assertFalse(self.partners[2].comment, "the batch that met the other transaction's write was rolled back")
        self.assertTrue(before < job.date_next_try <= before + timedelta(seconds=60), "retried soon")
        self.assertEqual(triggers.records.call_at, job.date_next_try, "its cron comes back at that time")
        # the other transaction has committed: the batch goes through in a new one
        self.partners[2].name = "Job Partner 2"
        job.sudo().date_next_try = fields.Datetime.now() - timedelta(seconds=1)
        self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done, job.result), ("done", 5, "5 touched"))

    def test_a_runs_memo_is_never_taken_from_the_context_a_client_sends(self):
        # a run's memo is a Python object that _run makes; a JSON context holds a plain dict at most
        forged = self.Job.with_context(redu_background_run_memo={"rows": ["forged"]})
        self.assertIs(forged._run_memo(), self.env.cr.cache)

    def test_identity_key_queues_a_task_once(self):
        key = "redu_background.test_nightly"
        job = self._enqueue(self.user, self.partners, identity_key=key)
        again = self.Job.with_user(self.user_2)._enqueue(
            "Touch partners", self.Partner, "_job_touch_partners", res_ids=self.partners.ids, identity_key=key
        )
        self.assertEqual(again, job, "the queued task is returned, not a second one")
        # two workers at once: the second one's search finds nothing, the unique index refuses it
        with (
            patch.object(self.registry["redu.background.job"], "_find_open", side_effect=[self.Job, job]),
            mute_logger("odoo.sql_db"),
        ):
            raced = self.Job._enqueue("Touch", self.Partner, "_job_touch_partners", identity_key=key)
        self.assertEqual(raced, job)
        self.assertEqual(self.Job.search_count([("identity_key", "=", key)]), 1)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            self.Job.sudo().create(
                {"name": "x", "user_id": self.user.id, "res_model": "res.partner", "method": "_job_x"}
                | {"identity_key": key}
            )
        self.Job._cron_run_jobs()
        self.assertEqual(job.state, "done")
        next_run = self._enqueue(self.user, self.partners, identity_key=key)
        self.assertNotEqual(next_run, job, "once finished, the next run is queued")

    def test_each_channel_has_its_cron(self):
        quick = self._enqueue(self.user, self.partners[:1])
        long = self._enqueue(self.user, self.partners[1:], cron=self.cron_long, channel="long")
        self.assertEqual((quick.channel, long.channel), ("default", "long"))
        self.assertIn('"long"', self.cron_long.code)
        self.Job._cron_run_jobs("long")
        self.assertEqual((quick.state, long.state), ("queued", "done"), "the long cron runs only long tasks")
        long_2 = self._enqueue(self.user, self.partners, cron=self.cron_long, channel="long")
        self.Job._cron_run_jobs("default")
        self.assertEqual((quick.state, long_2.state), ("done", "queued"), "the quick cron runs only quick ones")

    def test_finished_tasks_are_deleted_after_the_retention_with_their_files(self):
        old_done = self._enqueue(self.user, self.partners[:1])
        old_done.sudo()._add_lines([{"ref": "row 2", "message": "bad"}])
        self.Job._cron_run_jobs()
        report = old_done.report_attachment_id
        self.assertTrue(report)
        recent_done = self._enqueue(self.user, self.partners[:1])
        self.Job._cron_run_jobs()
        old_queued = self._enqueue(self.user, self.partners[:1])
        long_ago = fields.Datetime.subtract(fields.Datetime.now(), days=91)
        (old_done | old_queued).sudo().write({"date_done": long_ago})
        self.Job._gc_finished_jobs()
        self.assertFalse(old_done.exists() or report.exists())
        self.assertEqual((recent_done | old_queued).exists(), recent_done | old_queued)
        self.env["ir.config_parameter"].sudo().set_param("redu_background.retention_days", "0")
        self.Job._gc_finished_jobs()
        self.assertTrue(recent_done.exists(), "a retention below one day is one day")

# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Long operations in the background, on Odoo's own batched cron.

A job names a model and one of its methods whose name starts with ``_job_``; the cron of the
job's channel ("Background tasks: run queued tasks" or "... long tasks") calls that method over
and over, each call processing one batch in its own savepoint, and commits after each batch with
``ir.cron._commit_progress``. When the cron's time is up it stops; core re-triggers it and the
job resumes where it stopped (also after a killed worker: only the batch in progress is lost and
redone). A batch that raises :class:`~odoo.addons.redu_background.exceptions.RetryLater` is rolled
back and the job waits (a rate limit), without holding the worker.
"""

import csv
import io
import logging
from datetime import timedelta

from markupsafe import Markup
from psycopg2 import errors as pg_errors

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY

from odoo.addons.redu_base.tools.spreadsheet import neutralise_row

from ..exceptions import RetryLater

_logger = logging.getLogger(__name__)

JOB_STATES = [
    ("queued", "Queued"),
    ("running", "Running"),
    ("done", "Done"),
    ("failed", "Failed"),
    ("cancelled", "Cancelled"),
]
OPEN_STATES = ("queued", "running")
METHOD_PREFIX = "_job_"
# a channel is run by its own scheduled action: a long task does not hold the quick ones
CHANNELS = [("default", "Default"), ("long", "Long")]
CHANNEL_CRONS = {
    "default": "redu_background.ir_cron_run_background_jobs",
    "long": "redu_background.ir_cron_run_background_jobs_long",
}
# the channels with more than one worker: the other scheduled actions that run their tasks side by side
CHANNEL_EXTRA_CRONS = {"long": ("redu_background.ir_cron_run_background_jobs_long_2",)}
# the system parameter of an operation's threshold: redu_background.threshold.<key>
THRESHOLD_PARAM = "redu_background.threshold.%s"
# finished tasks, their reported items and files are deleted after this many days (system parameter)
RETENTION_PARAM = "redu_background.retention_days"
DEFAULT_RETENTION_DAYS = 90
# the context key of a run's memo (RunMemo)
RUN_MEMO_KEY = "redu_background_run_memo"
# a batch that met another transaction's write (PostgreSQL's serialization failure, a deadlock, a lock not
# available: core's list) is redone in a new transaction after this many seconds
CONCURRENCY_RETRY_SECONDS = 5


class RunMemo(dict):
    """What the batches of one run of a task share (the rows of its file, read once): a dict that ``_run`` puts in
    the context of the task's model, living as long as the run, across the commits of its batches. The cursor's
    cache does not do: each commit empties it (odoo/orm/environments.py ``Transaction.clear``). A Python object,
    which no RPC client can send (a JSON context holds none)."""


class ReduBackgroundJob(models.Model):
    _name = "redu.background.job"
    _description = "Background task"
    _inherit = ["mail.thread"]
    _order = "id desc"
    # at most one queued or running task per identity key (the nightly run), even when two
    # workers queue it at the same moment
    _identity_key_open_uniq = models.UniqueIndex(
        "(identity_key) WHERE identity_key IS NOT NULL AND state IN ('queued', 'running')",
        "This task is already queued.",
    )

    name = fields.Char(string="Task", required=True, readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Started by", required=True, readonly=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    res_model = fields.Char(string="Model", required=True, readonly=True)
    method = fields.Char(
        required=True, readonly=True, help="The method run batch by batch; its name starts with _job_."
    )
    res_ids = fields.Json(string="Records", readonly=True)
    payload = fields.Json(readonly=True)
    run_context = fields.Json(readonly=True, help="Companies, language and time zone of the user who started it.")
    attachment_id = fields.Many2one("ir.attachment", string="File", readonly=True, ondelete="set null")
    manager_group_id = fields.Many2one(
        "res.groups",
        string="Managed by",
        readonly=True,
        index=True,
        ondelete="set null",
        help="Besides the user who started it, the members of this group see the task, its files and "
        "its report: the managers of the operation.",
    )
    channel = fields.Selection(
        CHANNELS,
        default="default",
        required=True,
        readonly=True,
        index=True,
        help="Each channel is run by its own scheduled action: a long task does not hold the others.",
    )
    identity_key = fields.Char(
        readonly=True, index=True, help="A task with the same key is not queued twice (the nightly run)."
    )
    date_next_try = fields.Datetime(
        string="Next try", readonly=True, help="The task waits until then (a rate limit of an external service)."
    )
    state = fields.Selection(JOB_STATES, default="queued", required=True, readonly=True, index=True, tracking=True)
    total = fields.Integer(string="To process", readonly=True)
    done = fields.Integer(string="Processed", readonly=True)
    progress = fields.Float(compute="_compute_progress", help="Percentage processed.")
    counts = fields.Json(readonly=True)
    result = fields.Text(readonly=True)
    error = fields.Text(readonly=True)
    line_ids = fields.One2many("redu.background.job.line", "job_id", string="Reported", readonly=True)
    line_count = fields.Integer(string="Reported items", compute="_compute_line_count")
    report_attachment_id = fields.Many2one("ir.attachment", string="Report", readonly=True, ondelete="set null")
    # A task may be split into parts that the channel's workers run side by side (an import of a big file): each
    # part is a task of its own, run by its own method call, and the task's method gathers their results when
    # they have ended. A part notifies nobody (its task does) and is cancelled with its task.
    part_of_id = fields.Many2one(
        "redu.background.job",
        string="Part of",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
        help="The task this one is a part of: run side by side with it, its results gathered by it.",
    )
    part_ids = fields.One2many("redu.background.job", "part_of_id", string="Parts", readonly=True)
    date_started = fields.Datetime(string="Started", readonly=True)
    date_done = fields.Datetime(string="Finished", readonly=True)

    @api.depends("done", "total", "state")
    def _compute_progress(self):
        for job in self:
            if job.total:
                job.progress = min(100.0, 100.0 * job.done / job.total)
            else:
                job.progress = 100.0 if job.state == "done" else 0.0

    @api.depends("line_ids")
    def _compute_line_count(self):
        counts = dict(
            self.env["redu.background.job.line"]._read_group([("job_id", "in", self.ids)], ["job_id"], ["__count"])
        )
        for job in self:
            job.line_count = counts.get(job, 0)

    # ------------------------------------------------------------- enqueue
    @api.model
    def _threshold(self, key, default):
        """Above this many records or rows the operation runs as a background task.

        Only the system parameter ``redu_background.threshold.<key>`` decides it: no context key
        (every RPC value is the caller's) moves work into or out of an HTTP worker.
        """
        # sudo: the system parameters are readable by the administrators only; this one is a setting
        value = self.env["ir.config_parameter"].sudo().get_param(THRESHOLD_PARAM % key)
        try:
            return int(value) if value not in (None, False, "") else default
        except (TypeError, ValueError):
            return default

    @api.model
    def _enqueue(
        self,
        name,
        model,
        method,
        *,
        res_ids=None,
        payload=None,
        total=None,
        file_content=None,
        file_name=None,
        manager_group=None,
        channel="default",
        identity_key=None,
        trigger=True,
        shared=False,
        part_of=None,
        attachment=None,
    ):
        """Queue ``model.<method>(job)`` for the background and wake its channel's cron up; return the job.

        :param model: a recordset or model name; the method runs on it as the current user, with
            the current companies, language and time zone
        :param method: a method whose name starts with ``_job_``: it processes the next batch and
            returns how many items it processed (0 when there is nothing left); it may raise
            ``RetryLater(seconds)`` to roll its batch back and wait, or ``RetryWhenWoken()`` to wait for its
            parts
        :param file_content: bytes stored as the job's file (an import)
        :param manager_group: the xmlid (or record) of the group whose members manage the operation:
            they see the task, its file and its report besides the user who started it
        :param channel: ``default`` or ``long`` (a nightly run, a big file): each channel has its cron
        :param identity_key: when a queued or running task has this key, it is returned instead of
            queuing a second one (the nightly run)
        :param shared: a job of the whole database (a nightly run): no company, so that the managers
            of every company see it
        :param part_of: the task this job is a part of (:attr:`part_of_id`): it runs side by side with that
            task, notifies nobody and is cancelled with it
        :param attachment: the file of another job that this one reads too (a part reads its task's file),
            instead of ``file_content``
        """
        model_name = model if isinstance(model, str) else model._name
        if not method.startswith(METHOD_PREFIX) or not callable(getattr(self.env[model_name], method, None)):
            raise ValueError(f"{model_name}.{method} cannot be run as a background task")
        if channel not in CHANNEL_CRONS:
            raise ValueError(f"unknown background channel {channel!r}")
        if isinstance(manager_group, str):
            manager_group = self.env.ref(manager_group)
        if identity_key:
            existing = self._find_open(identity_key)
            if existing:
                return existing.with_env(self.env)
        res_ids = list(res_ids or [])
        context = self.env.context
        vals = {
            "name": name,
            "user_id": self.env.uid,
            "company_id": False if shared else self.env.company.id,
            "res_model": model_name,
            "method": method,
            "res_ids": res_ids,
            "payload": payload or {},
            "run_context": {
                "allowed_company_ids": self.env.companies.ids,
                "lang": context.get("lang") or self.env.user.lang,
                "tz": context.get("tz") or self.env.user.tz,
            },
            "total": total if total is not None else len(res_ids),
            "manager_group_id": manager_group.id if manager_group else False,
            "channel": channel,
            "identity_key": identity_key or False,
            "part_of_id": part_of.id if part_of else False,
        }
        # sudo: users only read their jobs (ir.model.access); the job, its file and its progress are
        # written by the system, never through a user's create/write (RPC)
        if identity_key:
            try:
                # the partial unique index decides between two workers queuing the same key at once
                with self.env.cr.savepoint():
                    job = self.sudo().create(vals)
            except pg_errors.UniqueViolation:
                return self._find_open(identity_key).with_env(self.env)
        else:
            job = self.sudo().create(vals)
        if attachment is not None:
            job.attachment_id = attachment
        elif file_content is not None:
            # sudo: the file belongs to the job, which only the system writes; its access follows the
            # job's (res_model/res_id): who cannot read the task cannot read its file
            job.attachment_id = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": file_name or "file",
                        "raw": file_content,
                        "res_model": self._name,
                        "res_id": job.id,
                    }
                )
            )
        if trigger:
            # a part wakes the channel's other workers up too: it runs beside its task
            if part_of:
                job._wake_channel()
            else:
                job._channel_cron()._trigger()
        return job.with_env(self.env)

    @api.model
    def _find_open(self, identity_key):
        # sudo: the key is unique across users and companies (the nightly run is everyone's)
        return self.sudo().search(
            [("identity_key", "=", identity_key), ("state", "in", OPEN_STATES)], order="id", limit=1
        )

    @api.model
    def _channel_cron(self, channel=None):
        """The scheduled action that runs the channel's tasks (the job's own channel by default)."""
        # sudo: the scheduled actions are readable by the administrators only
        return self.env.ref(CHANNEL_CRONS[channel or self.channel]).sudo()

    @api.model
    def _channel_crons(self, channel=None):
        """Every scheduled action that runs the channel's tasks (its workers)."""
        channel = channel or self.channel
        # sudo: as _channel_cron
        crons = self._channel_cron(channel)
        for xmlid in CHANNEL_EXTRA_CRONS.get(channel, ()):
            crons |= self.env.ref(xmlid, raise_if_not_found=False) or crons.browse()
        return crons.sudo()

    @api.model
    def _wake_channel(self, channel=None):
        """Start every worker of the channel (the job's own by default) as soon as it is free."""
        for cron in self._channel_crons(channel):
            cron._trigger()

    def _action_open(self):
        """The job's form in a dialog: what a user sees after starting a long operation."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Background task"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_cancel(self):
        """Stop a queued or running task after its current batch (its owner or a manager)."""
        user = self.env.user
        admin = user.has_group("redu_background.group_background_admin")
        for job in self:
            if job.user_id != user and not admin and job.manager_group_id not in user.all_group_ids:
                raise AccessError(self.env._("Only the user who started a background task can cancel it."))
            if job.state not in OPEN_STATES:
                raise UserError(self.env._("Only a queued or running task can be cancelled."))
        # sudo: the state of a job is written by the system only; the rights are checked above. A task's parts
        # still open stop with it.
        jobs = self.sudo()
        jobs |= jobs.part_ids.filtered(lambda part: part.state in OPEN_STATES)
        jobs.write({"state": "cancelled", "date_done": fields.Datetime.now()})
        # a part cancelled alone: its task gathers what is done
        alone = (jobs - jobs.part_ids).filtered("part_of_id")
        for channel in set(alone.mapped("channel")):
            self._wake_channel(channel)
        return True

    # ----------------------------------------------------------------- run
    @api.model
    def _cron_run_jobs(self, channel="default"):
        """The cron of a channel: run its queued tasks, oldest first, until the cron's time is up."""
        return self._run_jobs(channel)

    @api.model
    def _run_jobs(self, channel="default"):
        now = fields.Datetime.now()
        # sudo: the cron runs every user's queued tasks; each batch then runs as the task's user
        jobs = self.sudo().search(
            [
                ("state", "in", OPEN_STATES),
                ("channel", "=", channel),
                "|",
                ("date_next_try", "=", False),
                ("date_next_try", "<=", now),
            ],
            order="id",
        )
        self._commit_batch(0, jobs._remaining())
        for job in jobs:
            if not job._run():
                return False
        return True

    def _remaining(self):
        return sum(max(job.total - job.done, 1) for job in self if job.state in OPEN_STATES)

    @api.model
    def _commit_batch(self, processed, remaining):
        """Commit a finished batch and its progress; the seconds left to the cron run.

        Inside a cron: ``ir.cron._commit_progress``. Outside (tests, a shell, a migration) the work
        stays in the caller's transaction: nothing is committed here.
        """
        if self.env.context.get("ir_cron_progress_id"):
            return self.env["ir.cron"]._commit_progress(processed, remaining=remaining)
        self.env.flush_all()
        return float("inf")

    def _job_env_model(self):
        """The job's model as the user who started it, with that user's companies and language."""
        self.ensure_one()
        user = self.user_id
        run_context = dict(self.run_context or {})
        user_companies = set(user.company_ids.ids)
        allowed = [company for company in run_context.get("allowed_company_ids") or [] if company in user_companies]
        run_context["allowed_company_ids"] = allowed or user.company_id.ids
        return self.env[self.res_model].with_user(user).with_context(**run_context)

    @api.model
    def _run_memo(self):
        """The memo of the current run of a task (:class:`RunMemo`), or the cursor's cache outside a run."""
        memo = self.env.context.get(RUN_MEMO_KEY)
        return memo if isinstance(memo, RunMemo) else self.env.cr.cache

    def _lock(self):
        """Take the job for this transaction; False when another worker runs its batch now."""
        self.env.cr.execute("SELECT id FROM redu_background_job WHERE id = %s FOR NO KEY UPDATE SKIP LOCKED", [self.id])
        return bool(self.env.cr.fetchone())

    def _run(self):
        """Run the job batch by batch; False when the cron's time is up before it finished.

        True also when the job waits (``RetryLater``) or another worker holds it: the caller goes
        on with its next job.
        """
        self.ensure_one()
        # sudo: the progress, state and result are the system's; the method runs as the task's user
        job = self.sudo()
        # the model as the task's user, once per run (not per batch: each commit empties the cache)
        model = None
        while True:
            # the lock is released by each commit: another worker (the channel's cron and the nightly
            # cron) may take the next batch, never the same one
            if not job._lock():
                return True
            job.invalidate_recordset()
            if job.state not in OPEN_STATES:
                return True
            if job.date_next_try and job.date_next_try > fields.Datetime.now():
                return True
            if job.state == "queued":
                job.write({"state": "running", "date_started": job.date_started or fields.Datetime.now()})
            processed = 0
            try:
                if not job.method.startswith(METHOD_PREFIX):
                    raise UserError(self.env._("%s cannot be run as a background task.", job.method))
                if model is None:
                    model = job._job_env_model().with_context(**{RUN_MEMO_KEY: RunMemo()})
                with self.env.cr.savepoint():
                    processed = getattr(model, job.method)(job) or 0
                    job.done += processed
            except (RetryLater, *PG_CONCURRENCY_EXCEPTIONS_TO_RETRY) as error:
                # the batch is rolled back (savepoint); the job waits without holding the worker. A batch that met
                # another transaction's write (a user's edit of a record of the batch) is redone in a new
                # transaction, as Odoo redoes a request (odoo/service/model.py retrying): in this one, each retry
                # would meet the same write again.
                retry = (
                    error
                    if isinstance(error, RetryLater)
                    else RetryLater(CONCURRENCY_RETRY_SECONDS, reason=str(error) or repr(error))
                )
                when = retry.seconds and fields.Datetime.now() + timedelta(seconds=retry.seconds)
                _logger.info("background task %s (%s) waits until %s: %s", job.id, job.name, when or "woken", retry)
                job.invalidate_recordset()
                job.date_next_try = when
                if when:
                    job._channel_cron()._trigger(at=when)
                self._commit_batch(0, 0)
                return True
            except Exception as error:  # noqa: BLE001 - any error ends the job, the finished batches stay
                _logger.exception("background task %s (%s) failed", job.id, job.name)
                job._finish("failed", error=str(error) or repr(error))
                self._commit_batch(0, job._remaining())
                continue
            # a batch that keeps its work but must wait (a rate limit met after some items) sets the date
            wait_until = job.date_next_try if job.date_next_try and job.date_next_try > fields.Datetime.now() else False
            if job.date_next_try and not wait_until:
                job.date_next_try = False
            # a total of 0 is not known yet (a streamed file): the method sets it when it reaches the end
            finished = not processed or (job.total > 0 and job.done >= job.total)
            if finished:
                job._finish("done")
            elif wait_until:
                job._channel_cron()._trigger(at=wait_until)
            time_left = self._commit_batch(processed, 0 if finished or wait_until else max(job.total - job.done, 1))
            if finished or wait_until:
                return True
            if time_left <= 0:
                return False

    def _wait(self, seconds):
        """From a ``_job_`` method: keep this batch's work, take the next batch in ``seconds``."""
        self.ensure_one()
        self.date_next_try = fields.Datetime.now() + timedelta(seconds=max(int(seconds), 1))

    def _add_counts(self, **counts):
        """Add to the job's counters (created, updated, errors...)."""
        self.ensure_one()
        current = dict(self.counts or {})
        for key, value in counts.items():
            current[key] = current.get(key, 0) + value
        self.counts = current
        return current

    def _add_lines(self, lines):
        """Report items (a bad row, a skipped record): dicts with ``message`` and optionally ``ref``,
        ``res_model``, ``res_id`` and ``sequence`` (the item's place in the task: its row number)."""
        self.ensure_one()
        if lines:
            # sudo: the reported items are written by the system only (users read them)
            self.env["redu.background.job.line"].sudo().create([dict(line, job_id=self.id) for line in lines])

    def _finish(self, state, error=None):
        self.ensure_one()
        vals = {"state": state, "date_done": fields.Datetime.now()}
        if error:
            vals["error"] = error
        if self.line_ids and not self.report_attachment_id:
            vals["report_attachment_id"] = self._make_report().id
        self.write(vals)
        if self.part_of_id:
            # a part's results are its task's, which tells the user when it has gathered them: its end wakes the
            # channel's workers up for the task
            self._wake_channel()
        else:
            self._notify_user()

    def _make_report(self):
        """The reported items as a CSV file (semicolon, UTF-8 with BOM, as Excel opens it)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
        writer.writerow([self.env._("Item"), self.env._("Record"), self.env._("Message")])
        for line in self.line_ids:  # in their order (_order: their place in the task, then as reported)
            writer.writerow(neutralise_row([line.ref or "", line.res_id or "", line.message or ""]))
        # sudo: the report belongs to the job, which only the system writes
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"background_task_{self.id}_report.csv",
                    "raw": buffer.getvalue().encode("utf-8-sig"),
                    "mimetype": "text/csv",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )

    def _notify_user(self):
        """Tell the user who started the job that it ended: a message in their inbox and a popup."""
        self.ensure_one()
        user = self.user_id
        job = self.with_context(lang=(self.run_context or {}).get("lang") or user.lang)
        if self.state == "done":
            summary = job.env._("%(task)s: done.", task=self.name)
        elif self.state == "failed":
            summary = job.env._("%(task)s: failed: %(error)s", task=self.name, error=self.error or "")
        else:
            summary = job.env._("%(task)s: cancelled.", task=self.name)
        body = Markup("<p>%s</p>") % summary
        if self.result:
            body += Markup("<p>%s</p>") % self.result
        if self.line_count:
            body += Markup("<p>%s</p>") % job.env._("%(count)s item(s) reported: see the task.", count=self.line_count)
        partner_ids = [] if user.id == SUPERUSER_ID or not user.active else user.partner_id.ids
        self.message_post(
            body=body,
            partner_ids=partner_ids,
            subtype_xmlid="mail.mt_comment" if partner_ids else "mail.mt_note",
            attachment_ids=self.report_attachment_id.ids,
        )
        if partner_ids:
            user._bus_send(
                "simple_notification",
                {
                    "type": "success" if self.state == "done" else "warning",
                    "title": job.env._("Background task"),
                    "message": summary,
                    "sticky": self.state == "failed",
                },
            )

    @api.autovacuum
    def _gc_finished_jobs(self):
        """Delete the tasks finished longer ago than the retention (default 90 days), with their files."""
        param = self.env["ir.config_parameter"].sudo().get_param(RETENTION_PARAM, "")
        days = int(param) if param.strip().isdigit() else DEFAULT_RETENTION_DAYS
        limit = fields.Datetime.subtract(fields.Datetime.now(), days=max(days, 1))
        # sudo: the clean-up covers every user's and entity's tasks, whoever runs the autovacuum
        jobs = self.sudo().search([("state", "not in", OPEN_STATES), ("date_done", "<", limit)])
        self.env["ir.attachment"].sudo().search([("res_model", "=", self._name), ("res_id", "in", jobs.ids)]).unlink()
        jobs.unlink()
        return len(jobs)

#!/usr/bin/env python3
# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark of redu_background: what the runner of the background tasks costs per batch.

Creates the throwaway database ``redu_bench_background`` (redu_background without demo data)
and runs one task of ``--batches`` batches (2,000 by default) whose ``_job_`` method does
nothing, as a cron worker runs it: every batch in its savepoint, the task locked, its
progress written and committed with ``ir.cron._commit_progress``. The baseline is the least a
hand-written batched cron does: the same empty method called as many times, each call
committed with ``_commit_progress``. The difference per batch is the runner's overhead, against
the budget of 5 ms (a batch of the real tasks takes 0.5 to 5 s: validation of 2,000 agreements,
1,000 rows of an import, a few register requests). It also times queuing a task of 100,000
records (what an HTTP request pays) and then drops the database. It never fails: it reports.

Run from the repository root:
    .venv/bin/python setup/bench/bench_background.py [--batches 2000] [--keep]
"""

import argparse
import statistics
import time

from benchlib import Bench, Report, db_name, log, measure

DB = db_name("redu_bench_background")
OVERHEAD_BUDGET_MS = 5.0
OVERHEAD_GOAL_MS = 2.0
ENQUEUE_BUDGET_MS = 500.0


def _job_bench_noop(self, job):
    """One empty batch: one item done."""
    return 1


def _bench_noop(self):
    return 1


def in_cron(env, cron):
    """The environment of a cron run: ``_commit_progress`` commits and counts as in a cron worker."""
    progress = env["ir.cron.progress"].create({"cron_id": cron.id, "remaining": 0, "done": 0})
    env.cr.commit()
    return env(
        context=dict(
            env.context, ir_cron_progress_id=progress.id, cron_id=cron.id, cron_end_time=time.monotonic() + 3600
        )
    )


def run_task(env, batches):
    cron = env.ref("redu_background.ir_cron_run_background_jobs")
    job = env["redu.background.job"]._enqueue(
        "Bench", "res.partner", "_job_bench_noop", total=batches, trigger=False, shared=True
    )
    env.cr.commit()
    cron_env = in_cron(env, cron)
    _result, elapsed, cpu, queries = measure(cron_env, cron_env["redu.background.job"]._run_jobs, "default")
    job.invalidate_recordset()
    assert (job.state, job.done) == ("done", batches), (job.state, job.done)
    return elapsed, cpu, queries


def run_baseline(env, batches):
    cron = env.ref("redu_background.ir_cron_run_background_jobs")
    cron_env = in_cron(env, cron)
    Partner = cron_env["res.partner"]
    IrCron = cron_env["ir.cron"]

    def loop():
        for index in range(batches):
            with cron_env.cr.savepoint():
                Partner._bench_noop()
            IrCron._commit_progress(1, remaining=batches - index - 1)

    _result, elapsed, cpu, queries = measure(cron_env, loop)
    return elapsed, cpu, queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batches", type=int, default=2000, help="empty batches of the task (default 2,000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds, the median is kept (default 5)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()

    with Bench(keep=args.keep) as bench:
        bench.install(DB, "redu_background")
        registry = bench.registry(DB)
        partner_class = registry["res.partner"]
        partner_class._job_bench_noop = _job_bench_noop
        partner_class._bench_noop = _bench_noop
        report = Report("bench_background")
        runner, baseline = [], []
        with bench.env(DB) as env:
            for round_ in range(args.rounds):
                runner.append(run_task(env, args.batches))
                baseline.append(run_baseline(env, args.batches))
                log(f"round {round_ + 1}: runner {runner[-1][0]:.2f} s, baseline {baseline[-1][0]:.2f} s")
            # the machine may be shared: the rounds interleave runner and baseline, and the median of
            # the per-round differences is kept
            scale = 1000 / args.batches
            per_batch = [(r[0] * scale, b[0] * scale) for r, b in zip(runner, baseline, strict=True)]
            with_runner, without = min(per_batch, key=lambda pair: pair[0] - pair[1])
            overhead = statistics.median(r - b for r, b in per_batch)
            rounds_text = ", ".join(f"{r:.2f}/{b:.2f}" for r, b in per_batch)
            report.line(f"per round, ms per batch (runner/baseline): {rounds_text}")
            report.figure(
                f"time per empty batch, committed ({args.batches} batches, round with the least overhead)",
                with_runner,
                "ms",
                baseline=without,
                compare="delta",
            )
            report.figure(
                f"runner overhead per batch (median of {args.rounds} rounds)",
                overhead,
                "ms",
                budget=OVERHEAD_BUDGET_MS,
                goal=OVERHEAD_GOAL_MS,
                summary=f"runner overhead {overhead:+.2f} ms/batch",
            )
            report.figure(
                "SQL queries per batch",
                runner[0][2] / args.batches,
                baseline=baseline[0][2] / args.batches,
                compare="delta",
                digits=1,
            )
            ids = list(range(1, 100_001))
            Job = env["redu.background.job"]
            _job, elapsed, _cpu, queries = measure(
                env, Job._enqueue, "Bench", "res.partner", "_job_bench_noop", res_ids=ids, trigger=True
            )
            report.figure(
                f"queuing a task of 100,000 records ({queries} queries)",
                elapsed * 1000,
                "ms",
                budget=ENQUEUE_BUDGET_MS,
                summary=f"queuing 100,000 records {elapsed * 1000:.0f} ms",
            )
            env.cr.rollback()
        report.summary(
            f"{args.batches} empty batches (budget: runner overhead <= {OVERHEAD_BUDGET_MS} ms per batch, "
            f"goal {OVERHEAD_GOAL_MS} ms)"
        )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark of redu_feedback_arvo (issue #26): 100,000 answers of Arvo's export imported in under 2 minutes.

Creates the throwaway database ``redu_bench_arvo`` (redu_feedback_arvo without demo data), generates
``--answers`` answers (100,000 by default) with their response codes, questions and survey round in
the shape of Arvo's export API (redu_feedback_arvo/tools/arvo_demo.py, for ``--partners`` employers)
and imports them as one saved file through the background task, as a cron worker runs it: every batch
committed with its cursor. The figure is the wall time of the whole import (parsing, matching, the
answers' creation, the low-score activities) against the budget of 120 s. The baseline is a plain
``create`` of the same answer rows (the values already known, on the same codes) in batches of the
same size: the ratio is what the import adds to storing the rows. It then imports the file again
(nothing is new: the figure of an idempotent re-import) and drops the database. It never fails: it
reports.

Run from the repository root:
    .venv/bin/python setup/bench/bench_arvo.py [--answers 100000] [--partners 300] [--keep]
"""

import argparse
import datetime
import json
import time

from benchlib import Bench, Report, db_name, demo_data, log, measure

DB = db_name("redu_bench_arvo")
BUDGET_S = 120.0
OID = "1.2.246.562.10.41253773158"


def in_cron(env):
    cron = env.ref("redu_background.ir_cron_run_background_jobs_long")
    progress = env["ir.cron.progress"].create({"cron_id": cron.id, "remaining": 0, "done": 0})
    env.cr.commit()
    return env(
        context=dict(
            env.context, ir_cron_progress_id=progress.id, cron_id=cron.id, cron_end_time=time.monotonic() + 3600
        )
    )


def generate(env, answers, partners):
    from odoo.addons.redu_feedback_arvo.tools import arvo_demo

    rows = [
        {"business_id": business_id, "name": f"Bench Oy {index}"}
        for index, business_id in enumerate(demo_data.business_ids(partners, start=3000000))
    ]
    # an account manager for the partners: the low funding-model scores become their activities (the loop)
    manager = env["res.users"].create({"name": "Bench Asiakkuusvastaava", "login": "bench_account_manager"})
    env["res.partner"].create(
        [
            {"name": row["name"], "is_company": True, "company_registry": row["business_id"], "user_id": manager.id}
            for row in rows
        ]
    )
    env["redu.arvo.entity.map"].create({"oid": OID, "company_id": env.company.id})
    # about 2.7 answers per code generated (2/3 answered, 4-5 answers each): enough codes per partner
    per_half_year = max(1, round(answers / (partners * 4 * 2.7)))
    data = arvo_demo.generate(rows, datetime.date(2026, 12, 1), OID, "0201256-6", periods_per_half_year=per_half_year)
    data["vastaukset"]["data"] = data["vastaukset"]["data"][:answers]
    env.cr.commit()
    return data


def import_file(env, content):
    job = env["redu.arvo.import"]._arvo_start("file", content=content, file_name="bench.json")
    env.cr.commit()
    cron_env = in_cron(env)
    _result, elapsed, _cpu, queries = measure(cron_env, cron_env["redu.background.job"]._run_jobs, "long")
    job.invalidate_recordset()
    return job, elapsed, queries


def baseline(env, data):
    """A plain create of the same answer rows on the codes already imported, in the import's batches."""
    from odoo.addons.redu_feedback_arvo.models.redu_arvo_import import FILE_BATCH

    targets = {t.arvo_id: t.id for t in env["redu.arvo.target"].search_fetch([], ["arvo_id"])}
    questions = {q.arvo_id: q.id for q in env["redu.arvo.question"].search_fetch([], ["arvo_id"])}
    offset = 10**9  # other ids than the imported ones
    rows = [
        {
            "arvo_id": offset + row["vastausid"],
            "target_id": targets[row["vastaajatunnusid"]],
            "question_id": questions[row["kysymysid"]],
            "answer_date": row["vastausaika"],
            "score": row["numerovalinta"],
            "free_text": row["vapaateksti"],
            "has_free_text": bool(row["vapaateksti"]),
        }
        for row in data["vastaukset"]["data"]
    ]
    Answer = env["redu.arvo.answer"].sudo()
    start = time.perf_counter()
    for index in range(0, len(rows), FILE_BATCH):
        Answer.create(rows[index : index + FILE_BATCH])
        env.cr.commit()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--answers", type=int, default=100000)
    parser.add_argument("--partners", type=int, default=300)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    report = Report("arvo")
    with Bench(keep=args.keep) as bench:
        bench.install(DB, "redu_feedback_arvo")
        with bench.env(DB) as env:
            data = generate(env, args.answers, args.partners)
            content = json.dumps(data).encode()
            count = len(data["vastaukset"]["data"])
            log(f"generated {count} answers, {len(data['kohteet']['data'])} codes, {len(content) / 1e6:.1f} MB")
            job, elapsed, queries = import_file(env, content)
            state, created = job.state, job.counts.get("answers", 0)
            log(f"import: {state} {job.counts} in {elapsed:.1f} s, {queries} queries")
            again, elapsed_again, _queries = import_file(env, content)
            log(f"again: {again.state} {again.counts} in {elapsed_again:.1f} s")
            plain = baseline(env, data)
            log(f"baseline: plain create of the answers in {plain:.1f} s")
        report.line(f"answers: {count:,}; import state {state}, answers created {created:,}")
        report.figure(
            "import of the answers (s)",
            elapsed,
            "s",
            digits=1,
            budget=BUDGET_S,
            summary=f"{count:,} answers in {elapsed:.0f} s",
        )
        report.figure("import beside a plain create of the rows (s)", elapsed, "s", digits=1, baseline=plain)
        report.figure("re-import, nothing new (s)", elapsed_again, "s", digits=1, baseline=elapsed)
        report.summary(f"bench_arvo {count:,} answers")


if __name__ == "__main__":
    main()

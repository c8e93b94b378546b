#!/usr/bin/env python3
# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark of the agreement import of redu_feedback_prep (issue #22), end to end.

Creates a throwaway database ``redu_bench_import`` with redu_feedback_prep and base_import (no
demo data) and a feedback manager, then generates a file of ``--rows`` agreement rows (20,000 by
default): new employers (one for ten rows, by business ID) and new instructors (one for two rows),
1 % bad rows (an unknown agreement type, an impossible date, a part-time of 150 %, a missing source
ID, an unknown teacher login).

It measures and prints, one line per figure:

- the import of the CSV file as the manager: ``action_import`` (a background task above 1,000
  rows) and the task run to its end by the long channel's two workers (``cron_worker.py``: two processes
  running Odoo's own cron loop, as the cron workers of a server; the task's file split in two parts imported
  side by side), the first validation of the new agreements included: rows per second (budget >= 1,000,
  goal 3,000) and SQL queries per row, the workers' and the request's (budget <= 0.5);
- the same rows as an XLSX file (from an empty database again);
- the re-import of the CSV file: every good row unchanged, nothing written (the agreements'
  ``last_validated``, their messages and the issues are compared before and after);
- the baseline: Odoo's own ``base_import`` (``execute_import``) of the same rows into res.partner
  (name, reference, email, phone, street, city), in the same run: its rate and our ratio to it;
- the rows refused: their number and a fingerprint of (row, message), to compare between versions;
- the creation alone: the same employers, instructors and agreements created as the import creates them,
  without reading the file, matching or validating (the ORM's share, a floor no change to the import goes
  below), its rate and its share of the CSV import.

Each import (CSV, XLSX, base_import) is measured three times, each run printed, and the median is judged: the
host's speed drifts by 10-30 % within minutes. Our imports commit batch by batch, as in production: each runs
in a new copy of the installed database (``createdb --template``), the workers started and their registry
loaded before the clock starts. base_import and the creation alone work in a transaction rolled back at its
end, and the database is vacuumed (FULL) after each. The databases are dropped at the end unless ``--keep``.
A missed budget is printed, never an exit code.

With ``--tracked``, the CSV import is also measured with the option "Track history during import" on
(a creation message and a follower per record created, as every import did before #22), in one process (its
parts one after the other).

Usage: .venv/bin/python setup/bench/bench_import.py [--rows 20000] [--tracked] [--keep]
"""

import argparse
import base64
import csv
import dataclasses
import datetime
import hashlib
import io
import os
import random
import resource
import statistics
import subprocess
import sys
import time

from benchlib import Bench, Report, db_name, demo_data, drop_db, measure, vacuum

DB = db_name("redu_bench_import")
# each measured import runs in a new copy of DB
RUN_DB = db_name("redu_bench_import_run")
# the long channel's workers (redu_background: two scheduled actions), each a process
WORKERS = 2
WORKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cron_worker.py")
RATE_BUDGET = 1000  # rows per second
IMPORT_RUNS = 3  # each import measured three times (the host's speed drifts within minutes): the median judged
RATE_GOAL = 3000
QUERY_BUDGET = 0.5  # SQL queries per row
BAD_KINDS = ("agreement_type", "date", "percent", "source_ref", "teacher")


def generate_rows(count, teacher_login, instructor_per_row=False):
    """The rows of the file: a list of {column: text} in the template's columns.

    An instructor guides the students of two rows, at one employer (five instructors and ten rows an
    employer); with ``instructor_per_row``, every row has an instructor of its own (the worst case).
    """
    from odoo.addons.redu_feedback_prep.wizards.redu_agreement_import_wizard import IMPORT_COLUMNS

    rng = random.Random(22)
    n_employers = max(1, count // 10)
    bids = demo_data.business_ids(n_employers, start=3000000)
    employers = [(demo_data.organisation_name(rng, index), bids[index]) for index in range(n_employers)]
    rows = []
    names = {}
    for index in range(count):
        instructor = index if instructor_per_row else index // 2
        employer_index = instructor % n_employers
        employer_name, business_id = employers[employer_index]
        if instructor not in names:
            names[instructor] = demo_data.person_name(rng).split(" ", 1)
        first, last = names[instructor]
        start = f"2026-{1 + index % 12:02d}-{1 + index % 28:02d}"
        end = f"2027-{1 + index % 12:02d}-{1 + index % 28:02d}"
        apprenticeship = index % 3 == 0
        row = dict.fromkeys(IMPORT_COLUMNS, "")
        row.update(
            source_ref=f"TPS/IMP/{index:06d}",
            agreement_type="oppisopimus" if apprenticeship else "koulutussopimus",
            student_name=f"Opiskelija {index}",
            student_ref=f"S-{index // 2}",
            employer_name=employer_name,
            employer_business_id=business_id,
            instructor_name=f"{first} {last} {instructor}",
            instructor_email=f"ohjaaja.{instructor}@tyopaikka{employer_index}.fi",
            instructor_phone=f"+35840{instructor:07d}",
            start_date=start,
            end_date=end,
            part_time_percent="100",
            apprenticeship_basis="työsuhde" if apprenticeship else "",
            qualification="Sähkö- ja automaatioalan perustutkinto",
            qualification_code="351307",
            teacher_login=teacher_login if index % 5 == 0 else "",
        )
        if index % 100 == 50:  # 1 % bad rows
            kind = BAD_KINDS[index // 100 % len(BAD_KINDS)]
            if kind == "agreement_type":
                row["agreement_type"] = "harjoittelu"
            elif kind == "date":
                row["start_date"] = "31.2.2026"
            elif kind == "percent":
                row["part_time_percent"] = "150"
            elif kind == "source_ref":
                row["source_ref"] = ""
            else:
                row["teacher_login"] = "ei.ketaan"
        rows.append(row)
    return rows


def to_csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(list(rows[0]))
    writer.writerows(list(row.values()) for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(rows):
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("agreements")
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append(list(row.values()))
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def partner_csv(rows):
    """The same rows for base_import into res.partner (the baseline)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(["name", "ref", "email", "phone", "street", "city"])
    for row in rows:
        writer.writerow(
            [
                row["instructor_name"],
                row["source_ref"] or "-",
                row["instructor_email"],
                row["instructor_phone"],
                row["employer_name"],
                "Rovaniemi",
            ]
        )
    return buffer.getvalue().encode("utf-8")


@dataclasses.dataclass
class Imported:
    """What an import left, read alike from its background task or, at or below the task's threshold
    (1,000 rows: imported at once), from the wizard's result lines."""

    counts: dict
    state: str
    result: str
    refused_lines: list


def import_file(env, manager, data, file_name, track_history=False):
    """The manager's import of ``data``, its background task (sudo) run to its end: an :class:`Imported`."""
    wizard = (
        env["redu.agreement.import.wizard"]
        .with_user(manager)
        .create({"file_data": base64.b64encode(data), "file_name": file_name, "track_history": track_history})
    )
    action = wizard.action_import()
    if action["res_model"] == "redu.background.job":
        job = env["redu.background.job"].sudo().browse(action["res_id"])
        # one worker in this transaction: the task, then its parts, then the task again (it gathers them)
        while job.state in ("queued", "running"):
            env["redu.background.job"].sudo()._run_jobs(job.channel)
        env.flush_all()
        return imported_of(job)
    env.flush_all()
    # the wizard's lines in the task's words (the same fingerprint for the same rows refused)
    lines = [
        (f"Row {line.row_number}" + (f" ({line.source_ref})" if line.source_ref else ""), line.message)
        for line in wizard.result_ids.sorted(lambda line: (line.row_number, line.id))
        if line.status == "error"
    ]
    counts = {
        "errors": wizard.error_count,
        "created": wizard.created_count,
        "updated": wizard.updated_count,
        "unchanged": wizard.unchanged_count,
    }
    return Imported(counts, wizard.state, "", lines)


def imported_of(job):
    """What a finished task left: an :class:`Imported`, its reported rows in their order (the rows' order)."""
    return Imported(job.counts or {}, job.state, job.result, [(line.ref, line.message) for line in job.line_ids])


def fresh_run_db(bench):
    """RUN_DB as a new copy of DB (the installed database, no import in it)."""
    from odoo import sql_db
    from odoo.modules.registry import Registry

    Registry.delete(RUN_DB)
    bench.registries.pop(RUN_DB, None)
    sql_db.close_db(RUN_DB)
    sql_db.close_db(DB)  # a template has no other session
    drop_db(RUN_DB)
    subprocess.run(["createdb", "--template", DB, RUN_DB], check=True)
    if RUN_DB not in bench.databases:
        bench.databases.append(RUN_DB)


def warm_up(env):
    """What a worker of a server has run before: an import of 300 other rows, as the manager (rolled back by the
    caller)."""
    wizard = env["redu.agreement.import.wizard"].with_user(env["res.users"].search([("login", "=", "bench_manager")]))
    rows = [
        (number, dict(row, source_ref=f"WARM/{number}", employer_business_id=""))
        for number, row in enumerate(generate_rows(300, "bench_manager"), start=2)
    ]
    wizard._import_rows(rows)
    env.flush_all()


class Workers:
    """The long channel's workers on RUN_DB: WORKERS processes of cron_worker.py, their registries loaded and
    warmed up (:func:`warm_up`)."""

    def __init__(self):
        self.processes = [
            subprocess.Popen(
                [sys.executable, WORKER, RUN_DB, "--warm-up", "bench_import:warm_up"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for _index in range(WORKERS)
        ]
        for process in self.processes:
            if process.stdout.readline().strip() != "ready":
                raise SystemExit("a cron worker did not start")

    def stop(self):
        """Stop the workers: the SQL queries they sent and their processor seconds."""
        queries = cpu = 0
        for process in self.processes:
            process.stdin.close()
        for process in self.processes:
            words = process.stdout.read().split()
            process.wait()
            queries += int(words[words.index("queries") + 1])
            cpu += float(words[words.index("cpu") + 1])
        return queries, cpu


def import_by_workers(bench, manager_login, data, file_name):
    """The manager's import of ``data`` in RUN_DB, as in production: the request (``action_import``, committed)
    and its task run to its end by the workers, batch by batch committed: (the :class:`Imported`, the seconds
    from the request to the task's end, the SQL queries of the request and the workers, their processor
    seconds)."""
    workers = Workers()
    try:
        with bench.env(RUN_DB) as env:
            manager = env["res.users"].search([("login", "=", manager_login)])
            env.cr.commit()
            start, queries = time.perf_counter(), env.cr.sql_log_count
            wizard = (
                env["redu.agreement.import.wizard"]
                .with_user(manager)
                .create({"file_data": base64.b64encode(data), "file_name": file_name})
            )
            job = env["redu.background.job"].sudo().browse(wizard.action_import()["res_id"])
            env.cr.commit()
            queries = env.cr.sql_log_count - queries
            while True:
                env.cr.rollback()  # a new snapshot: the workers' commits seen
                env.invalidate_all()
                if job.state not in ("queued", "running"):
                    break
                time.sleep(0.02)
            elapsed = time.perf_counter() - start
            result = imported_of(job)
    finally:
        worker_queries, cpu = workers.stop()
    return result, elapsed, queries + worker_queries, cpu


def refused(job):
    text = "\n".join(f"{ref}\t{message}" for ref, message in job.refused_lines)
    return len(job.refused_lines), hashlib.sha1(text.encode()).hexdigest()[:12]


def snapshot(env):
    """What a re-import must not change."""
    env.invalidate_all()
    agreements = env["redu.workplace.agreement"].sudo().search_read([], ["last_validated", "readiness"], order="id")
    return (
        hashlib.sha1(repr(agreements).encode()).hexdigest(),
        env["redu.contact.issue"].sudo().search_count([]),
        env["mail.message"].sudo().search_count([("model", "=", "redu.workplace.agreement")]),
        env["res.partner"].sudo().with_context(active_test=False).search_count([]),
    )


def report_import(report, label, count, elapsed, queries, summary=None):
    rate = count / elapsed
    report.figure(
        f"{label}: rows/s",
        rate,
        "rows/s",
        digits=0,
        budget=RATE_BUDGET,
        goal=RATE_GOAL,
        higher_is_better=True,
        summary=summary and f"{summary} {rate:,.0f} rows/s",
    )
    report.figure(f"    {label}: seconds", elapsed, "s")
    report.figure(f"    {label}: SQL queries per row", queries / count, digits=3, budget=QUERY_BUDGET)
    return rate


def rolled_back(env):
    """Roll the measured import back and vacuum its dead rows and index entries away (FULL: as new), so
    that the next import starts from the same database as the first one."""
    env.cr.rollback()
    vacuum(DB, full=True)


def measure_tracked(env, report, manager, rows, rate):
    """The CSV import with the option "Track history during import" (a creation message and a follower
    per record created, as the import did before #22), against the default."""
    count = len(rows)
    job, elapsed, _cpu, queries = measure(env, import_file, env, manager, to_csv(rows), "agreements.csv", True)
    report.line(f"CSV import with history: {job.counts} ({job.state}); refused {refused(job)}")
    report.figure("    CSV import with history tracked: SQL queries per row", queries / count, digits=3)
    report.figure(
        "CSV import (default) vs. with history tracked (rows/s)",
        rate,
        "rows/s",
        digits=0,
        baseline=count / elapsed,
    )
    rolled_back(env)


def median_runs(env, report, label, count, run, reset):
    """``run()`` measured IMPORT_RUNS times, ``reset()`` before each run but the first (the last run is left in
    the transaction for the caller), each run printed: (the runs' results, the median seconds, the median SQL
    queries)."""
    results, seconds, queries = [], [], []
    for index in range(IMPORT_RUNS):
        if index:
            reset()
        result, elapsed, _cpu, run_queries = measure(env, run)
        results.append(result)
        seconds.append(elapsed)
        queries.append(run_queries)
        report.line(
            f"    {label}, run {index + 1}: {elapsed:.2f} s, {count / elapsed:,.0f} rows/s, {run_queries} queries"
        )
    return results, statistics.median(seconds), statistics.median(queries)


def measure_runs(bench, report, data, file_name, label, count):
    """Our import of ``data`` (``count`` rows) by the workers, IMPORT_RUNS times, each in a new copy of the
    installed database, each run printed: (the last run's :class:`Imported`, the median seconds, the median SQL
    queries). The runs must refuse the same rows. The last run's database is left for the caller."""
    jobs, seconds, queries = [], [], []
    for index in range(IMPORT_RUNS):
        fresh_run_db(bench)
        job, elapsed, run_queries, cpu = import_by_workers(bench, "bench_manager", data, file_name)
        jobs.append(job)
        seconds.append(elapsed)
        queries.append(run_queries)
        report.line(
            f"    {label}, run {index + 1}: {elapsed:.2f} s, {count / elapsed:,.0f} rows/s, {run_queries} queries, "
            f"workers' processor time {cpu:.2f} s"
        )
    refusals = [refused(job) for job in jobs]
    if len(set(refusals)) > 1:
        report.line(f"    {label}: the runs refused different rows: {refusals}")
    return jobs[-1], statistics.median(seconds), statistics.median(queries)


def measure_imports(bench, report, rows):
    count = len(rows)
    data = to_csv(rows)
    job, elapsed, queries = measure_runs(bench, report, data, "agreements.csv", "CSV import", count)
    counts = job.counts
    report.line(f"CSV import: {counts} ({job.state}) {job.result or ''}")
    rate = report_import(report, "CSV import incl. first validation, median", count, elapsed, queries, "CSV")
    errors, fingerprint = refused(job)
    report.line(f"rows refused: {errors} (fingerprint of rows and messages {fingerprint})")
    with bench.env(RUN_DB) as env:
        readiness = dict(env["redu.workplace.agreement"].sudo()._read_group([], ["readiness"], ["__count"]))
        report.line("readiness: " + ", ".join(f"{key} {value}" for key, value in sorted(readiness.items())))
        before = snapshot(env)
    job, elapsed, queries, _cpu = import_by_workers(bench, "bench_manager", data, "agreements.csv")
    counts = job.counts
    with bench.env(RUN_DB) as env:
        after = snapshot(env)
    report.line(f"re-import: {counts}; nothing changed: {before == after}")
    report.figure(
        f"re-import of the same file ({count / elapsed:,.0f} rows/s)",
        elapsed,
        "s",
        summary="re-import a no-op"
        if before == after and counts.get("unchanged") == count - errors
        else "re-import CHANGED data",
    )
    report.figure("    re-import: SQL queries per row", queries / count, digits=3, budget=QUERY_BUDGET)
    data = to_xlsx(rows)
    job, elapsed, queries = measure_runs(bench, report, data, "agreements.xlsx", "XLSX import", count)
    report.line(f"XLSX import: {job.counts} ({job.state}); refused {refused(job)}")
    report_import(report, "XLSX import incl. first validation, median", count, elapsed, queries, "XLSX")
    return rate


def creation_values(env, manager, rows):
    """The records the import of ``rows`` creates, as create() values: (employers, instructors by employer
    index, agreements with the employer index and the instructor's position). The rows are parsed by the
    import's own parser; the rows it refuses are left out."""
    wizard = env["redu.agreement.import.wizard"].with_user(manager)
    teachers = {manager.login: manager.id}
    finland = env.ref("base.fi").id
    employers, instructors, agreements = {}, {}, []
    for row in rows:
        try:
            values = wizard._parse_row(row, teachers)
        except ValueError:
            continue
        employer = employers.setdefault(
            values["employer_business_id"],
            {
                "name": values["employer_name"],
                "is_company": True,
                "company_registry": values["employer_business_id"],
                "country_id": finland,
            },
        )
        instructor = instructors.setdefault(
            values["instructor_email"],
            {
                "name": values["instructor_name"],
                "type": "contact",
                "email": values["instructor_email"],
                "phone": values["instructor_phone"],
                "employer": values["employer_business_id"],
            },
        )
        agreements.append(
            (
                employer,
                instructor,
                {
                    name: values[name]
                    for name in (
                        "source_ref",
                        "agreement_type",
                        "student_name",
                        "student_ref",
                        "start_date",
                        "end_date",
                        "part_time_percent",
                        "apprenticeship_basis",
                        "qualification",
                        "qualification_code",
                    )
                }
                | {"teacher_id": values["teacher_id"] or manager.id},
            )
        )
    return employers, instructors, agreements


def measure_creation(env, report, manager, rows, import_seconds):
    """The records of the import created alone, as the import creates them (the partners by
    ``_redu_create_batch``, the agreements by one ``create``, without chatter), without reading the file,
    matching or validating: the ORM's share of the import, which no change to the import can go below."""
    employers, instructors, agreements = creation_values(env, manager, rows)

    def create():
        partners = env["res.partner"].sudo().with_context(tracking_disable=True)
        created = partners._redu_create_batch(list(employers.values()))
        employer_ids = {
            vals["company_registry"]: partner.id for vals, partner in zip(employers.values(), created, strict=True)
        }
        contact_vals = [
            {**{k: v for k, v in vals.items() if k != "employer"}, "parent_id": employer_ids[vals["employer"]]}
            for vals in instructors.values()
        ]
        contacts = partners._redu_create_batch(contact_vals)
        instructor_ids = {vals["email"]: partner.id for vals, partner in zip(contact_vals, contacts, strict=True)}
        agreement_model = env["redu.workplace.agreement"].sudo().with_context(tracking_disable=True)
        # inside a batch that is not validated: the creation alone
        with agreement_model._validation_batch(validate=False) as batched:
            batched.create(
                [
                    {
                        **vals,
                        "employer_id": employer_ids[employer["company_registry"]],
                        "instructor_id": instructor_ids[instructor["email"]],
                        "company_id": env.company.id,
                    }
                    for employer, instructor, vals in agreements
                ]
            )
        env.flush_all()

    _result, elapsed, _cpu, queries = measure(env, create)
    count = len(rows)
    report.line(
        f"creation alone: {len(employers):,} employers, {len(instructors):,} instructors, {len(agreements):,} "
        f"agreements in {elapsed:.2f} s ({queries / count:.3f} queries per row)"
    )
    report.figure(
        "    the import's rows/s if it did nothing but create its records (the ORM's floor)",
        count / elapsed,
        "rows/s",
        digits=0,
    )
    report.figure("    the creation's share of the CSV import", elapsed / import_seconds * 100, "%", digits=0)
    rolled_back(env)


def measure_baseline(env, report, rows, rate):
    """base_import of the same rows into res.partner, as the administrator."""
    data = partner_csv(rows)
    options = {"has_headers": True, "separator": ";", "quoting": '"', "encoding": "utf-8"}
    fields = ["name", "ref", "email", "phone", "street", "city"]

    def run():
        record = env["base_import.import"].create({"res_model": "res.partner", "file": data, "file_type": "text/csv"})
        result = record.execute_import(fields, fields, options)
        env.flush_all()
        return result

    # as many runs as our imports, the median taken alike (each run stores the file in its own import record)
    results, elapsed, queries = median_runs(env, report, "base_import", len(rows), run, env.cr.rollback)
    result = results[-1]
    errors = [message for message in result.get("messages", []) if message.get("type") == "error"]
    baseline = len(rows) / elapsed
    report.line(f"base_import: {len(result.get('ids') or [])} partners, {len(errors)} errors")
    report.figure("    base_import into res.partner: SQL queries per row", queries / len(rows), digits=3)
    report.figure(
        "CSV import vs. base_import of the same rows into res.partner (rows/s, medians)",
        rate,
        "rows/s",
        digits=0,
        baseline=baseline,
        summary=None,
    )
    env.cr.rollback()
    return baseline


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=20_000, help="rows of the file (default 20,000)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument(
        "--tracked", action="store_true", help="also import the CSV with 'Track history during import' on"
    )
    parser.add_argument(
        "--instructor-per-row",
        action="store_true",
        help="a new instructor on every row (the worst case) instead of one for two rows",
    )
    args = parser.parse_args()

    with Bench(keep=args.keep) as bench:
        bench.install(DB, "redu_feedback_prep,base_import")
        with bench.env(DB) as env:
            from odoo.tests import new_test_user

            new_test_user(
                env,
                login="bench_manager",
                groups="base.group_user,redu_feedback_prep.group_feedback_manager",
                name="Bench Manager",
            )
            # the workers run the background tasks only: the other scheduled actions wait (a first run of each
            # would fall in the measured time)
            background = [
                env.ref(f"redu_background.{xmlid}").id
                for xmlid in (
                    "ir_cron_run_background_jobs",
                    "ir_cron_run_background_jobs_long",
                    "ir_cron_run_background_jobs_long_2",
                )
            ]
            crons = env["ir.cron"].with_context(active_test=False).search([("id", "not in", background)])
            crons.write({"nextcall": datetime.datetime.now() + datetime.timedelta(days=1)})
        report = Report("bench_import")
        report.host("before")
        rows = generate_rows(args.rows, "bench_manager", args.instructor_per_row)
        rate = measure_imports(bench, report, rows)
        with bench.env(DB) as env:
            manager = env["res.users"].search([("login", "=", "bench_manager")])
            measure_creation(env, report, manager, rows, len(rows) / rate)
            if args.tracked:
                measure_tracked(env, report, manager, rows, rate)
            baseline = measure_baseline(env, report, rows, rate)
            report.summary_parts.append(f"{rate / baseline:.2f}x base_import into res.partner")
        report.line(f"process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
        report.host("after")
        report.summary(
            f"{args.rows:,} rows (budgets: >= {RATE_BUDGET:,} rows/s, goal {RATE_GOAL:,}; "
            f"<= {QUERY_BUDGET} queries/row)"
        )


if __name__ == "__main__":
    main()

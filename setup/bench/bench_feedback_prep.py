#!/usr/bin/env python3
# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark of redu_feedback_prep: the instructor-contact validation of workplace agreements.

Creates a throwaway database ``redu_bench_feedback`` with redu_feedback_prep (no demo data) and
inserts with SQL ``--size`` agreements (100,000 by default) with 0.6 x size instructors at
size / 10 employers; about 15% of the agreements have defects (missing instructor, part-time,
apprenticeship basis or dates, broken instructor contacts, broken business IDs, namesake
instructors with different emails).

It measures and prints, one line per figure:

- the full validation run (``action_validate_contacts`` on every agreement, issues written):
  agreements per second (target >= 2,000, goal 10,000);
- the same records validated one by one (a random sample, extrapolated): ratio full run vs.
  one by one (target >= 10x);
- a second full run when nothing changed;
- the revalidation after an edit (an agreement field, an instructor's email): median and max
  latency (target < 100 ms);
- peak memory: the process's maximum resident set size and the Python allocations peak of a
  full run (tracemalloc, in a separate run because it slows Python down).

Every measured run works in a transaction that is rolled back, so each starts from the same data.
The database is dropped at the end unless ``--keep``. It never fails: it is a measurement.

Usage: .venv/bin/python setup/bench/bench_feedback_prep.py [--size 100000] [--sample 500] [--keep]
"""

import argparse
import datetime
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import demo_data  # noqa: E402  (setup/demo_data.py: the project's seeded value generators)

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ODOO_SH = os.path.join(REPO, "setup", "odoo.sh")
ODOO_RC = os.path.join(REPO, ".odoo", "odoo.conf")
DB = "redu_bench_feedback"


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def figure(label, value):
    print(f"{label}: {value}", flush=True)


def drop_db(name):
    subprocess.run(["dropdb", "--if-exists", name], check=False, stderr=subprocess.DEVNULL)


def install():
    drop_db(DB)
    start = time.perf_counter()
    subprocess.run(
        [ODOO_SH, "-d", DB, "-i", "redu_feedback_prep", "--without-demo", "--stop-after-init", "--no-http",
         "--log-level=warn"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    log(f"{DB}: installed redu_feedback_prep in {time.perf_counter() - start:.0f} s")


def business_ids(count):
    """``count`` valid Y-tunnus values, from the demo data generator (python-stdnum's check digit)."""
    return demo_data.business_ids(count)


def insert(env, table, columns, rows, returning=True):
    """Insert rows with one INSERT ... SELECT FROM unnest() per 20,000 rows; return the ids."""
    from odoo.tools import SQL

    ids = []
    for start in range(0, len(rows), 20000):
        chunk = rows[start:start + 20000]
        arrays = [[row[index] for row in chunk] for index in range(len(columns))]
        env.cr.execute(SQL(
            "INSERT INTO %s (%s) SELECT * FROM unnest(%s) RETURNING id",
            SQL.identifier(table),
            SQL(", ").join(SQL.identifier(column) for column, _type in columns),
            SQL(", ").join(SQL("%s::" + sql_type + "[]", array) for (_c, sql_type), array in zip(columns, arrays,
                                                                                                 strict=True)),
        ))
        ids += [row[0] for row in env.cr.fetchall()]
    return ids


def generate(env, size):
    """Employers, instructors and agreements; about 15% of the agreements with defects."""
    from odoo.tools import SQL

    rng = random.Random(42)
    today = datetime.date.today()
    now = datetime.datetime.now()
    uid = env.uid
    company_id = env.company.id
    fi_id = env.ref("base.fi").id
    n_instructors = max(1, int(size * 0.6))
    n_employers = max(1, size // 10)
    bids = business_ids(n_employers)
    # employers: 1% with a broken business ID (no country, as the import creates them)
    employer_rows = []
    for index in range(n_employers):
        broken = rng.random() < 0.01
        bid = bids[index][:-1] + str((int(bids[index][-1]) + 1) % 10) if broken else bids[index]
        name = demo_data.organisation_name(rng, index)
        employer_rows.append((name, name, True, True, "contact", bid, None if broken else fi_id, "ask",
                              uid, uid, now, now))
    partner_columns = [
        ("name", "varchar"), ("complete_name", "varchar"), ("is_company", "bool"), ("active", "bool"),
        ("type", "varchar"), ("company_registry", "varchar"), ("country_id", "int4"),
        ("autopost_bills", "varchar"), ("create_uid", "int4"), ("write_uid", "int4"),
        ("create_date", "timestamp"), ("write_date", "timestamp"),
    ]
    employer_ids = insert(env, "res_partner", partner_columns, employer_rows)
    env.cr.execute(SQL("UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)", employer_ids))
    employer_bid = dict(zip(employer_ids, (row[5] for row in employer_rows), strict=True))
    employer_name = dict(zip(employer_ids, (row[0] for row in employer_rows), strict=True))
    log(f"{len(employer_ids)} employers")
    # instructors: 8% with a contact defect, 1% namesakes of another instructor of the employer
    defects = [
        ("email", "pekka.niemi@"), ("email", "info@bench.fi"), ("phone", "016 123 456"), ("phone", "040-ABC"),
        ("both", None), ("name", "Toimisto"),
    ]
    instructor_rows = []
    instructor_meta = []
    for index in range(n_instructors):
        employer = employer_ids[index % n_employers]
        name = f"{demo_data.person_name(rng)} {chr(65 + index % 26)}{chr(97 + index // 26 % 26)}"
        email = f"ohjaaja.{index}@bench{index % n_employers}.fi"
        phone = f"+35840{index:07d}"
        if rng.random() < 0.08:
            kind, value = rng.choice(defects)
            if kind == "email":
                email = value
            elif kind == "phone":
                phone = value
            elif kind == "both":
                email, phone = None, "016 123 456"
            else:
                name = value
        elif index and rng.random() < 0.01 and instructor_meta[-1][0] == employer_ids[(index - 1) % n_employers]:
            name = instructor_meta[-1][1]  # a namesake at another employer: no bundle
        if index >= n_employers and rng.random() < 0.01:
            # a namesake at the same employer with another email: email mismatch in the bundle
            name = instructor_meta[index - n_employers][1]
        instructor_rows.append((name, name, False, True, "contact", employer_bid[employer], None, "ask",
                                uid, uid, now, now, employer, employer, email, phone))
        instructor_meta.append((employer, name))
    instructor_ids = insert(env, "res_partner", partner_columns + [
        ("parent_id", "int4"), ("commercial_partner_id", "int4"), ("email", "varchar"), ("phone", "varchar"),
    ], instructor_rows)
    log(f"{len(instructor_ids)} instructors")
    # agreements: 7% with an agreement-level defect
    make_key = env["redu.workplace.agreement"]._make_bundle_key
    agreement_rows = []
    for index in range(size):
        position = index % n_instructors
        instructor_id = instructor_ids[position]
        employer_id, instructor_name = instructor_meta[position]
        start = today - datetime.timedelta(days=rng.randint(0, 300))
        end = start + datetime.timedelta(days=rng.randint(30, 400))
        agreement_type = "apprenticeship" if rng.random() < 0.3 else "training_agreement"
        basis = "employment" if agreement_type == "apprenticeship" else None
        percent = 100
        if rng.random() < 0.07:
            kind = rng.randrange(4)
            if kind == 0:
                instructor_id = None
            elif kind == 1:
                percent = None
            elif kind == 2:
                agreement_type, basis = "apprenticeship", None
            else:
                end = start - datetime.timedelta(days=3)
        key = make_key(company_id, instructor_name if instructor_id else None, employer_bid[employer_id])
        agreement_rows.append((
            f"TPS/BENCH/{index:06d}", agreement_type, f"SA-{index}", f"Opiskelija {index}", employer_id,
            employer_name[employer_id], instructor_id,
            start, end, percent, basis, uid, company_id, "unchecked", key, uid, uid, now, now,
        ))
    insert(env, "redu_workplace_agreement", [
        ("name", "varchar"), ("agreement_type", "varchar"), ("source_ref", "varchar"), ("student_name", "varchar"),
        ("employer_id", "int4"), ("workplace_name", "varchar"), ("instructor_id", "int4"), ("start_date", "date"),
        ("end_date", "date"), ("part_time_percent", "int4"), ("apprenticeship_basis", "varchar"),
        ("teacher_id", "int4"), ("company_id", "int4"), ("readiness", "varchar"), ("bundle_key", "varchar"),
        ("create_uid", "int4"), ("write_uid", "int4"), ("create_date", "timestamp"), ("write_date", "timestamp"),
    ], agreement_rows)
    log(f"{size} agreements")
    env.cr.execute(SQL("ANALYZE res_partner; ANALYZE redu_workplace_agreement; ANALYZE redu_contact_issue"))
    env.invalidate_all()


def clear_caches():
    from odoo.addons.redu_feedback_prep.tools import contact_checks

    for function in (contact_checks.check_email, contact_checks.check_phone, contact_checks.check_business_id,
                     contact_checks.name_is_not_person):
        function.cache_clear()


def full_run(env):
    clear_caches()
    env.invalidate_all()
    agreements = env["redu.workplace.agreement"].search([])
    start = time.perf_counter()
    agreements.action_validate_contacts()
    env.flush_all()
    return len(agreements), time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="number of agreements (default 100,000)")
    parser.add_argument("--sample", type=int, default=500, help="agreements validated one by one (default 500)")
    parser.add_argument("--edits", type=int, default=20, help="single edits timed (default 20)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()

    install()
    import odoo
    from odoo import api
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-c", ODOO_RC, "--no-http", "--log-level=warn"], setup_logging=True)
    registry = Registry(DB)
    try:
        with registry.cursor() as cr:
            env = api.Environment(cr, odoo.SUPERUSER_ID, {})
            start = time.perf_counter()
            generate(env, args.size)
            cr.commit()
            log(f"data generated in {time.perf_counter() - start:.0f} s")
        with registry.cursor() as cr:
            env = api.Environment(cr, odoo.SUPERUSER_ID, {})
            rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            count, seconds = full_run(env)
            rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            issues = env["redu.contact.issue"].search_count([])
            readiness = dict(env["redu.workplace.agreement"]._read_group([], ["readiness"], ["__count"]))
            rate = count / seconds
            figure("agreements", count)
            figure("instructors", int(args.size * 0.6))
            figure("issues created", issues)
            figure("readiness", ", ".join(f"{key} {value}" for key, value in sorted(readiness.items())))
            figure("full validation run (s)", f"{seconds:.2f}")
            figure("full validation rate (agreements/s)", f"{rate:,.0f} (target >= 2,000, goal 10,000)")
            # nothing changed: the issues are kept, nothing written but last_validated
            _count, again = full_run(env)
            figure("second full run, nothing changed (s)", f"{again:.2f} ({count / again:,.0f} agreements/s)")
            # revalidation after a single edit
            open_agreements = env["redu.workplace.agreement"].search(
                [("instructor_id", "!=", False), ("end_date", ">", datetime.date.today())], limit=2000,
            )
            rng = random.Random(7)
            picked = rng.sample(open_agreements.ids, min(args.edits, len(open_agreements)))
            latencies = []
            for agreement in env["redu.workplace.agreement"].browse(picked):
                start = time.perf_counter()
                agreement.write({"part_time_percent": 60 if agreement.part_time_percent != 60 else 70})
                env.flush_all()
                latencies.append(time.perf_counter() - start)
            figure("revalidation after an agreement edit, median / max (ms)",
                   f"{statistics.median(latencies) * 1000:.1f} / {max(latencies) * 1000:.1f} (target < 100)")
            latencies = []
            for agreement in env["redu.workplace.agreement"].browse(picked):
                start = time.perf_counter()
                agreement.instructor_id.write({"email": f"uusi.{agreement.id}@bench.fi"})
                env.flush_all()
                latencies.append(time.perf_counter() - start)
            figure("revalidation after an instructor email edit, median / max (ms)",
                   f"{statistics.median(latencies) * 1000:.1f} / {max(latencies) * 1000:.1f} (target < 100)")
            cr.rollback()
            # one by one on a sample, extrapolated
            env.invalidate_all()
            clear_caches()
            ids = env["redu.workplace.agreement"].search([]).ids
            sample = random.Random(3).sample(ids, min(args.sample, len(ids)))
            start = time.perf_counter()
            for agreement in env["redu.workplace.agreement"].browse(sample):
                agreement.action_validate_contacts()
                env.flush_all()
            one_by_one = (time.perf_counter() - start) / len(sample)
            figure("one by one (ms per agreement, sample of %d)" % len(sample), f"{one_by_one * 1000:.2f}")
            figure("one by one extrapolated to all (s)", f"{one_by_one * count:.1f}")
            figure("ratio full run vs. one by one", f"{one_by_one * count / seconds:.1f}x faster (target >= 10x)")
            cr.rollback()
            # Python allocations of a full run
            env.invalidate_all()
            tracemalloc.start()
            full_run(env)
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            cr.rollback()
            figure("peak Python allocations of a full run (tracemalloc, MiB)", f"{peak / 2**20:.0f}")
            figure("process max RSS before / after the first full run (MiB)",
                   f"{rss_before / 1024:.0f} / {rss_after / 1024:.0f}")
            print(
                f"SUMMARY {count} agreements: {rate:,.0f} agreements/s (target >= 2,000, goal 10,000), "
                f"{one_by_one * count / seconds:.1f}x one by one (target >= 10x), "
                f"revalidation after an edit {statistics.median(latencies) * 1000:.1f} ms (target < 100), "
                f"peak {peak / 2**20:.0f} MiB",
                flush=True,
            )
    finally:
        Registry.delete(DB)
        odoo.sql_db.close_db(DB)  # release the pooled connections, or dropdb is refused
        if not args.keep:
            drop_db(DB)


if __name__ == "__main__":
    main()

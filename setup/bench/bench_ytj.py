#!/usr/bin/env python3
# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark of redu_partnership_ytj: enriching the partners from the business register's bulk file.

Creates the throwaway database ``redu_bench_ytj`` (redu_partnership_ytj without demo data),
inserts ``--size`` company partners with a Y-tunnus (50,000 by default), writes a bulk file of
``--companies`` companies (500,000 by default) in the register's v3 shape (a ZIP holding one JSON
array; every partner's company is in it, in a shuffled order, with one company in fifty ceased),
then imports it as the wizard does: the file is streamed (ijson) and matched to the partners by
Y-tunnus in batches. It prints the time and the peak memory (resident set size of this process)
against the issue's goals: under 2 minutes and under 500 MB. Then it drops the database.
It never fails as a test: it only reports.

Run from the repository root:
    .venv/bin/python setup/bench/bench_ytj.py                                # full size
    .venv/bin/python setup/bench/bench_ytj.py --size 2000 --companies 20000  # quick check
"""

import argparse
import json
import os
import random
import resource
import tempfile
import zipfile

from benchlib import Bench, Report, db_name, demo_data, log, measure

DB = db_name("redu_bench_ytj")
TIME_BUDGET_S = 120.0
MEMORY_BUDGET_MB = 500.0
INDUSTRIES = [
    ("41200", "Asuin- ja muiden rakennusten rakentaminen"),
    ("49410", "Tieliikenteen tavarankuljetus"),
    ("55100", "Hotellit"),
    ("62010", "Ohjelmistojen suunnittelu ja valmistus"),
    ("85320", "Ammatillinen koulutus"),
    ("86900", "Muut terveydenhuoltopalvelut"),
]
TOWNS = ["ROVANIEMI", "KEMI", "TORNIO", "KITTILÄ", "SODANKYLÄ", "INARI"]


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def company_json(business_id, index, rnd):
    code, text = INDUSTRIES[index % len(INDUSTRIES)]
    town = TOWNS[index % len(TOWNS)]
    company = {
        "businessId": {"value": business_id, "registrationDate": "2010-01-01", "source": "3"},
        "names": [{"name": f"Yritys {index} Oy", "type": "1", "registrationDate": "2010-01-01", "version": 1}],
        # typeCodeSet: the classification of the code (TOIMI3 = TOL 2008); without it no industry is kept
        "mainBusinessLine": {
            "type": code,
            "descriptions": [{"languageCode": "1", "description": text}],
            "typeCodeSet": "TOIMI3",
        },
        "companyForms": [{"type": "16", "descriptions": [{"languageCode": "1", "description": "Osakeyhtiö"}]}],
        "addresses": [
            {
                "type": 1,
                "street": "Koskikatu",
                "buildingNumber": str(1 + index % 90),
                "postCode": "96100",
                "postOffices": [{"city": town, "languageCode": "1", "municipalityCode": "698"}],
            }
        ],
        "website": {"url": f"www.yritys{index}.fi"},
        "tradeRegisterStatus": "1",
        "status": "2",
        "registrationDate": "2010-01-01",
    }
    if rnd.random() < 0.02:
        company["tradeRegisterStatus"] = "4"
        company["endDate"] = "2024-06-28"
    return company


def write_bulk_file(path, business_ids, rnd):
    """A ZIP with one JSON array of companies, written company by company."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("all_companies.json", "w") as stream:
            stream.write(b"[")
            for index, business_id in enumerate(business_ids):
                if index:
                    stream.write(b",")
                stream.write(json.dumps(company_json(business_id, index, rnd), ensure_ascii=False).encode())
            stream.write(b"]")


def insert_partners(env, business_ids):
    from odoo.tools import SQL

    fi = env.ref("base.fi").id
    env.cr.execute(
        SQL(
            """
        INSERT INTO res_partner (name, complete_name, is_company, active, type, lang, country_id,
                                 company_registry, redu_business_id_key, create_uid, write_uid, create_date,
                                 write_date, partner_share)
        SELECT 'Bench ' || b, 'Bench ' || b, TRUE, TRUE, 'contact', 'fi_FI', %s, b, b, 1, 1, now(), now(), TRUE
          FROM unnest(%s::varchar[]) AS b
        """,
            fi,
            business_ids,
        )
    )
    env.cr.execute(SQL("UPDATE res_partner SET commercial_partner_id = id WHERE name LIKE 'Bench %%'"))
    env.cr.execute(SQL("ANALYZE res_partner"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=50_000, help="company partners (default 50,000)")
    parser.add_argument("--companies", type=int, default=500_000, help="companies in the file (default 500,000)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    rnd = random.Random(2021)
    business_ids = demo_data.business_ids(args.companies)
    partner_ids = rnd.sample(business_ids, min(args.size, len(business_ids)))
    rnd.shuffle(business_ids)

    with tempfile.TemporaryDirectory() as tmp, Bench(keep=args.keep) as bench:
        path = os.path.join(tmp, "all_companies.zip")
        write_bulk_file(path, business_ids, rnd)
        log(f"bulk file: {args.companies} companies, {os.path.getsize(path) / 1e6:.1f} MB zipped")
        del business_ids
        bench.install(DB, "redu_partnership_ytj")
        with bench.env(DB) as env:
            insert_partners(env, partner_ids)
        report = Report("bench_ytj")
        with bench.env(DB) as env:
            Wizard = env["redu.ytj.import.wizard"]
            rss_before = peak_rss_mb()
            with open(path, "rb") as stream:
                stats, elapsed, cpu, queries = measure(
                    env, Wizard._import_companies, Wizard._iter_file_companies(stream)
                )
            rss_after = peak_rss_mb()
            report.line(
                f"companies read: {stats['read']:,}; partners matched: {stats['matched']:,}; "
                f"with new data: {stats['updated']:,}; ceased: {stats['ceased']:,}; SQL queries: {queries:,}; "
                f"processor time: {cpu:.1f} s"
            )
            report.figure(
                "Import time",
                elapsed,
                "s",
                digits=1,
                budget=TIME_BUDGET_S,
                summary=f"{stats['matched']:,} partners from {stats['read']:,} companies in {elapsed:.1f} s",
            )
            report.figure(
                "Peak memory of the process",
                rss_after,
                "MB",
                digits=0,
                budget=MEMORY_BUDGET_MB,
                summary=f"peak {rss_after:.0f} MB (before the import {rss_before:.0f} MB)",
            )
            env.cr.rollback()
        report.summary(
            f"redu_partnership_ytj bulk file, {args.size} partners, {args.companies} companies "
            f"(budget: < {TIME_BUDGET_S:g} s, < {MEMORY_BUDGET_MB:g} MB)"
        )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark of redu_services: the revenue report pivot and the invoiced_revenue recomputation.

With 20,000 service processes and 1,000,000 invoice lines, the revenue report's pivot grouped
by month x category returns in under 2 s (goal 0.5 s), and ``invoiced_revenue`` is not
recomputed per line in Python (no per-record queries). The SQL queries of each figure are
printed.

Run from the repository root:
    .venv/bin/python setup/bench/bench_services.py                      # full size
    .venv/bin/python setup/bench/bench_services.py --size 100000 --processes 5000   # quick check

It creates the throwaway database ``redu_bench_services`` (installing redu_services without demo
data through setup/odoo.sh), generates the processes and the posted invoices with SQL inserts,
measures, prints one line per figure, and drops the database at the end (unless --keep).
It never fails as a test: it only reports.
"""

import argparse
import random
import time

from benchlib import Bench, Report, db_name, demo_data, log, measure, vacuum

DB = db_name("redu_bench_services")
PIVOT_BUDGET_S = 2.0  # the limit for the month x category pivot
PIVOT_GOAL_S = 0.5
LINES_PER_MOVE = 5


def generate(env, size, n_processes):
    from odoo.tools import SQL

    cr = env.cr
    company = env.company
    if not company.chart_template:
        env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)
    journal = env["account.journal"].search([("company_id", "=", company.id), ("type", "=", "sale")], limit=1)
    income = journal.default_account_id
    receivable = env["account.account"].search(
        [("company_ids", "in", company.id), ("account_type", "=", "asset_receivable")], limit=1
    )
    currency = company.currency_id
    t0 = time.perf_counter()

    product = env["product.product"].create({"name": "Bench service", "type": "service", "list_price": 100})
    categories = env["redu.service.category"].search([])
    services = env["redu.service"].create(
        [
            {
                "name": f"Bench service {i}",
                "category_id": categories[i % len(categories)].id,
                "company_id": company.id,
                "funding": ("paid", "public", "project")[i % 3],
                "product_id": product.id,
            }
            for i in range(60)
        ]
    )
    rnd = random.Random(2021)
    partners = env["res.partner"].create(
        [{"name": demo_data.organisation_name(rnd, i), "is_company": True} for i in range(2000)]
    )
    partners.flush_recordset()
    env["res.partner"].flush_model()
    stages = env["redu.service.stage"].search([])
    uid = env.uid

    # processes: round-robin over services, partners and stages
    cr.execute(
        SQL(
            """
        INSERT INTO redu_service_process
            (name, partner_id, service_id, category_id, funding, company_id, user_id, stage_id, is_closed,
             channel, priority, date_inquiry, date_first_response, response_hours, invoiced_revenue,
             create_uid, create_date, write_uid, write_date)
        SELECT 'BENCH/' || g,
               (%(partners)s)[1 + g %% %(npartners)s],
               s.id, s.category_id, s.funding, %(company)s, %(uid)s,
               (%(stages)s)[1 + g %% %(nstages)s], false, 'email', '0',
               now() - make_interval(days => g %% 700), now() - make_interval(days => g %% 700) + interval '3 hours',
               3.0, 0.0, %(uid)s, now(), %(uid)s, now()
          FROM generate_series(1, %(n)s) g
          JOIN redu_service s ON s.id = (%(services)s)[1 + g %% %(nservices)s]
        """,
            partners=partners.ids,
            npartners=len(partners),
            company=company.id,
            uid=uid,
            stages=stages.ids,
            nstages=len(stages),
            n=n_processes,
            services=services.ids,
            nservices=len(services),
        )
    )
    cr.execute("SELECT min(id), max(id) FROM redu_service_process WHERE name LIKE 'BENCH/%%'")
    pmin, pmax = cr.fetchone()
    log(f"{n_processes} processes inserted in {time.perf_counter() - t0:.1f} s")

    # posted customer invoices (every 20th a credit note) over the last two years
    t1 = time.perf_counter()
    n_moves = max(size // LINES_PER_MOVE, 1)
    cr.execute(
        SQL(
            """
        INSERT INTO account_move
            (name, move_type, state, date, invoice_date, journal_id, company_id, currency_id, partner_id,
             commercial_partner_id, service_process_id, auto_post, amount_untaxed, amount_untaxed_signed,
             amount_total, amount_total_signed, create_uid, create_date, write_uid, write_date)
        SELECT 'BENCH/INV/' || g,
               CASE WHEN g %% 20 = 0 THEN 'out_refund' ELSE 'out_invoice' END,
               'posted', d, d, %(journal)s, %(company)s, %(currency)s, p.partner_id, p.partner_id, p.id, 'no',
               0, 0, 0, 0, %(uid)s, now(), %(uid)s, now()
          FROM generate_series(1, %(n)s) g
          JOIN redu_service_process p ON p.id = %(pmin)s + (g * 7919) %% (%(pmax)s - %(pmin)s + 1)
         CROSS JOIN LATERAL (SELECT (current_date - (g %% 730))::date AS d) dd
        """,
            journal=journal.id,
            company=company.id,
            currency=currency.id,
            uid=uid,
            n=n_moves,
            pmin=pmin,
            pmax=pmax,
        )
    )
    log(f"{n_moves} invoices inserted in {time.perf_counter() - t1:.1f} s")

    t2 = time.perf_counter()
    cr.execute(
        SQL(
            """
        INSERT INTO account_move_line
            (move_id, company_id, company_currency_id, currency_id, journal_id, account_id, partner_id,
             product_id, display_type, name, quantity, price_unit, price_subtotal, price_total,
             balance, debit, credit, amount_currency, date, invoice_date, parent_state, create_uid,
             create_date, write_uid, write_date)
        SELECT m.id, m.company_id, m.currency_id, m.currency_id, m.journal_id, %(income)s, m.partner_id,
               %(product)s, 'product', 'Bench line', 1, a.amt, a.amt, a.amt,
               a.sign * a.amt, GREATEST(a.sign * a.amt, 0), GREATEST(-a.sign * a.amt, 0), a.sign * a.amt,
               m.date, m.invoice_date, 'posted', %(uid)s, now(), %(uid)s, now()
          FROM account_move m
         CROSS JOIN generate_series(1, %(per_move)s) k
         CROSS JOIN LATERAL (
               SELECT ((m.id * 7919 + k * 104729) %% 1000 + 50)::numeric AS amt,
                      CASE WHEN m.move_type = 'out_refund' THEN 1 ELSE -1 END AS sign) a
         WHERE m.name LIKE 'BENCH/INV/%%'
        """,
            income=income.id,
            product=product.id,
            uid=uid,
            per_move=LINES_PER_MOVE,
        )
    )
    product_lines = cr.rowcount
    # the receivable line of each invoice (not an invoice line of the report)
    cr.execute(
        SQL(
            """
        INSERT INTO account_move_line
            (move_id, company_id, company_currency_id, currency_id, journal_id, account_id, partner_id,
             display_type, name, balance, debit, credit, amount_currency, date, invoice_date, parent_state,
             create_uid, create_date, write_uid, write_date)
        SELECT l.move_id, min(l.company_id), min(l.company_currency_id), min(l.currency_id), min(l.journal_id),
               %(receivable)s, min(l.partner_id), 'payment_term', 'Bench receivable',
               -sum(l.balance), GREATEST(-sum(l.balance), 0), GREATEST(sum(l.balance), 0), -sum(l.balance),
               min(l.date), min(l.invoice_date), 'posted', %(uid)s, now(), %(uid)s, now()
          FROM account_move_line l
          JOIN account_move m ON m.id = l.move_id AND m.name LIKE 'BENCH/INV/%%'
         GROUP BY l.move_id
        """,
            receivable=receivable.id,
            uid=uid,
        )
    )
    cr.execute(
        """
        UPDATE account_move m
           SET amount_untaxed = abs(t.total), amount_total = abs(t.total),
               amount_untaxed_signed = -t.total, amount_total_signed = -t.total
          FROM (SELECT move_id, sum(balance) AS total FROM account_move_line
                 WHERE display_type = 'product' GROUP BY move_id) t
         WHERE t.move_id = m.id AND m.name LIKE 'BENCH/INV/%%'
        """
    )
    log(f"{product_lines} invoice lines (+ receivable lines) inserted in {time.perf_counter() - t2:.1f} s")
    return product_lines


def measure_pivot(env, report, product_lines):
    Report_ = env["redu.service.revenue.report"]
    # Pivot month x category as the web client asks it: one grouping-sets call with the totals.
    grouping_sets = [[], ["date:month"], ["category_id"], ["date:month", "category_id"]]
    timings = []
    for _i in range(3):
        env.invalidate_all()
        result, elapsed, _cpu, queries = measure(
            env, Report_.formatted_read_grouping_sets, [], grouping_sets, ["amount:sum", "__count"]
        )
        timings.append((elapsed, queries))
    best, queries = min(timings)
    report.figure(
        f"pivot month x category ({product_lines} invoice lines, {len(result[3])} cells), best of 3",
        best,
        "s",
        digits=3,
        budget=PIVOT_BUDGET_S,
        goal=PIVOT_GOAL_S,
        summary=f"pivot month x category over {product_lines} invoice lines {best:.2f} s, {queries} SQL queries",
    )
    report.figure("    SQL queries of the pivot", queries, digits=0)
    # the single-level grouped read too
    env.invalidate_all()
    _result, elapsed, _cpu, queries = measure(
        env, Report_.formatted_read_group, [], ["date:month", "category_id"], ["amount:sum"]
    )
    report.figure("read_group month x category", elapsed, "s", digits=3, budget=PIVOT_BUDGET_S, goal=PIVOT_GOAL_S)
    report.figure("    SQL queries of the read_group", queries, digits=0)


def measure_invoiced_revenue(env, report):
    """invoiced_revenue of every process recomputed at once, checked against SQL."""
    cr = env.cr
    processes = env["redu.service.process"].search([])
    field = processes._fields["invoiced_revenue"]
    env.invalidate_all()
    env.add_to_compute(field, processes)
    _result, elapsed, _cpu, queries = measure(env, processes.flush_recordset, ["invoiced_revenue"])
    report.figure(f"invoiced_revenue recomputed for {len(processes)} processes", elapsed, "s")
    report.figure(
        "    SQL queries per process (per-record computing would be >= 1.0)",
        queries / len(processes),
        digits=4,
        summary=f"invoiced_revenue of {len(processes)} processes {elapsed:.2f} s, {queries} SQL queries",
    )
    cr.execute(
        """SELECT round(sum(amount_untaxed_signed), 2) FROM account_move
            WHERE state = 'posted' AND move_type IN ('out_invoice', 'out_refund')
              AND service_process_id IS NOT NULL"""
    )
    expected = float(cr.fetchone()[0] or 0)
    got = round(sum(processes.mapped("invoiced_revenue")), 2)
    report.line(
        f"check: sum of invoiced_revenue {got:.2f} == posted invoices {expected:.2f}: {abs(got - expected) < 0.01}"
    )
    return processes


def measure_one_invoice(env, report, process):
    """One more invoice posted through the ORM recomputes only its process."""
    move = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": process.partner_id.id,
            "service_process_id": process.id,
            "invoice_line_ids": [
                (0, 0, {"name": "Bench extra", "quantity": 1, "price_unit": 123.0, "tax_ids": [(5, 0, 0)]})
            ],
        }
    )
    before = process.invoiced_revenue

    def post():
        move.action_post()
        env.flush_all()

    _result, elapsed, _cpu, queries = measure(env, post)
    report.figure(
        f"post one invoice (incl. invoiced_revenue of its process, {before:.2f} -> {process.invoiced_revenue:.2f})",
        elapsed * 1000,
        "ms",
        digits=0,
    )
    report.figure("    SQL queries of the posting", queries, digits=0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000, help="invoice lines (default 1,000,000)")
    parser.add_argument("--processes", type=int, default=20_000, help="service processes (default 20,000)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()

    with Bench(keep=args.keep) as bench:
        bench.install(DB, "redu_services")
        with bench.env(DB) as env:
            product_lines = generate(env, args.size, args.processes)
        # as autovacuum does on a live database: statistics and visibility map (index-only scans)
        vacuum(DB, ["account_move", "account_move_line", "redu_service_process"])
        report = Report("bench_services")
        with bench.env(DB) as env:
            measure_pivot(env, report, product_lines)
            processes = measure_invoiced_revenue(env, report)
            measure_one_invoice(env, report, processes[:1])
            env.cr.rollback()
        report.summary(
            f"redu_services, {args.processes} processes, {product_lines} invoice lines "
            f"(budget: pivot < {PIVOT_BUDGET_S:g} s, goal {PIVOT_GOAL_S:g} s)"
        )


if __name__ == "__main__":
    main()

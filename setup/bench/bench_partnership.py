#!/usr/bin/env python3
# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark of redu_partnership: does the addon slow down the Contacts app?

Creates two throwaway databases with the same partners (``--size``, 50,000 by
default; one company per five partners, the others its contacts):

- ``redu_bench_partnership_base``: contacts + mail (vanilla Odoo, the baseline),
- ``redu_bench_partnership_addon``: the same + redu_partnership, with levels,
  cooperation forms, review dates and a level history on the companies.

Then it measures, side by side in one process and interleaved round by round,
what the web client asks for in Contacts, as the administrator (partnership
manager), as a salesperson with the group Working-life partnership / User, and as
a Contacts user without the partnership groups:

- the partner list: ``web_search_read`` with the specification of the list view
  of the Contacts action (first page of 80, count up to 10,001),
- the partner form: ``web_read`` of a company with its contacts, with the
  specification of the form view.

It prints, for each, the SQL queries with the addon and without, the median, first
quartile and minimum of the elapsed time and the mean processor time of the Odoo
process, with the ratio addon / vanilla, against the budgets: a list read adds no
query, a form read adds at most 6, list + form take at most 1.25x the time of
vanilla Odoo (goal 1.05x). Then it drops the databases. It never fails: it is a
measurement.

Usage: .venv/bin/python setup/bench/bench_partnership.py [--size 50000] [--rounds 40] [--keep]
(use e.g. --size 5000 --rounds 10 for a quick check)
"""

import argparse
import statistics

from benchlib import Bench, Report, db_name, log, measure, vacuum
from lxml import etree

DB_BASE = db_name("redu_bench_partnership_base")
DB_ADDON = db_name("redu_bench_partnership_addon")
COMPANY_EVERY = 5  # one company for every five partners
USERS = {
    "admin": "administrator (partnership manager)",
    "sales": "salesperson (Working-life partnership / User)",
    "plain": "Contacts user without the partnership groups",
}
LOGINS = {"sales": "bench_sales_user", "plain": "bench_contacts_user"}
# budgets of the issue: queries added by the addon, time with the addon / vanilla
LIST_QUERIES_ADDED = 0
FORM_QUERIES_ADDED = 6
TIME_RATIO_BUDGET = 1.25
TIME_RATIO_GOAL = 1.05


# ---------------------------------------------------------------------- data
def generate_partners(env, size):
    """Insert ``size`` partners with SQL: companies and their contacts."""
    from odoo.tools import SQL

    cr = env.cr
    fi_id = env.ref("base.fi").id
    admin_id = env.ref("base.user_admin").id
    companies = max(1, size // COMPANY_EVERY)
    cr.execute(
        SQL(
            """
        INSERT INTO res_partner (name, complete_name, is_company, active, type, lang, email, phone, city,
                                 country_id, user_id, create_uid, write_uid, create_date, write_date,
                                 partner_share)
        SELECT 'Bench Company ' || n, 'Bench Company ' || n, TRUE, TRUE, 'contact', 'en_US',
               'info' || n || '@example.com', '+358 40 ' || lpad(n::text, 7, '0'), 'Rovaniemi',
               %(fi)s, %(admin)s, 1, 1, now(), now(), TRUE
          FROM generate_series(1, %(companies)s) AS n
        """,
            fi=fi_id,
            admin=admin_id,
            companies=companies,
        )
    )
    cr.execute(SQL("UPDATE res_partner SET commercial_partner_id = id WHERE name LIKE 'Bench Company %%'"))
    cr.execute(
        SQL(
            """
        INSERT INTO res_partner (name, complete_name, is_company, active, type, lang, email, phone, city,
                                 country_id, parent_id, commercial_partner_id, commercial_company_name,
                                 function, create_uid, write_uid, create_date, write_date, partner_share)
        SELECT 'Person ' || n, c.name || ', Person ' || n, FALSE, TRUE, 'contact', 'en_US',
               'person' || n || '@example.com', '+358 50 ' || lpad(n::text, 7, '0'), 'Rovaniemi',
               %(fi)s, c.id, c.id, c.name, 'Employee', 1, 1, now(), now(), TRUE
          FROM generate_series(1, %(persons)s) AS n
          JOIN res_partner c ON c.name = 'Bench Company ' || (1 + (n - 1) %% %(companies)s)
        """,
            fi=fi_id,
            persons=size - companies,
            companies=companies,
        )
    )
    cr.execute(SQL("ANALYZE res_partner"))


def generate_partnership_data(env):
    """Give the bench companies (and their contacts, as Odoo's sync would) levels, forms,
    review dates and a level history."""
    from odoo.tools import SQL

    cr = env.cr
    levels = [env.ref(f"redu_partnership.partnership_level_{code}").id for code in "abcd"]
    forms = env["redu.cooperation.form"].search([]).ids
    admin_id = env.ref("base.user_admin").id
    cr.execute(
        SQL(
            """
        UPDATE res_partner p
           SET partnership_level_id = (%(levels)s::int[])[1 + p.id %% 4],
               partner_org_type = 'company',
               partnership_review_date = current_date + (p.id %% 365)
         WHERE p.name LIKE 'Bench Company %%'
        """,
            levels=levels,
        )
    )
    cr.execute(
        SQL(
            """
        INSERT INTO redu_partner_cooperation_form_rel (partner_id, form_id)
        SELECT DISTINCT p.id, (%(forms)s::int[])[1 + (p.id * k) %% %(nforms)s]
          FROM res_partner p, generate_series(1, 3) AS k
         WHERE p.name LIKE 'Bench Company %%'
        """,
            forms=forms,
            nforms=len(forms),
        )
    )
    cr.execute(
        SQL(
            """
        INSERT INTO redu_partnership_level_history (partner_id, old_level_id, new_level_id, date, user_id,
                                                    change_direction, partner_org_type, create_uid, write_uid,
                                                    create_date, write_date)
        SELECT p.id, NULL, p.partnership_level_id, now() - interval '400 days', %(admin)s, 'initial',
               'company', 1, 1, now(), now()
          FROM res_partner p WHERE p.name LIKE 'Bench Company %%'
        """,
            admin=admin_id,
        )
    )
    # the contacts carry the values of their company (commercial fields)
    cr.execute(
        SQL(
            """
        UPDATE res_partner p
           SET partnership_level_id = c.partnership_level_id, partner_org_type = c.partner_org_type,
               partnership_review_date = c.partnership_review_date
          FROM res_partner c
         WHERE p.parent_id = c.id AND c.name LIKE 'Bench Company %%'
        """
        )
    )
    cr.execute(
        SQL(
            """
        INSERT INTO redu_partner_cooperation_form_rel (partner_id, form_id)
        SELECT p.id, r.form_id FROM res_partner p
          JOIN redu_partner_cooperation_form_rel r ON r.partner_id = p.parent_id
         WHERE NOT p.is_company
        ON CONFLICT DO NOTHING
        """
        )
    )
    # the stored cooperation type, as the ORM computes it
    partner_ids = env["res.partner"].search([("cooperation_form_ids", "!=", False)]).ids
    env["res.partner"].browse(partner_ids)._compute_cooperation_type()
    env.flush_all()
    cr.execute(SQL("ANALYZE res_partner"))


# ---------------------------------------------------------------------- specifications
def _node_spec(node, model):
    """Specification of the fields of a view node, like the web client builds it."""
    spec = {}
    for field_node in node.iter("field"):
        # skip the fields of sub-views: they are handled with their x2many field
        parent = field_node.getparent()
        inside_subview = False
        while parent is not None and parent is not node:
            if parent.tag in ("list", "kanban", "form") and parent is not node:
                inside_subview = True
                break
            parent = parent.getparent()
        if inside_subview:
            continue
        fname = field_node.get("name")
        field = model._fields.get(fname)
        if field is None:
            continue
        if spec.get(fname):
            continue  # a field shown twice: keep the first, fuller specification
        # as the web client's getFieldsSpec(): nothing related for an always invisible field
        always_invisible = field_node.get("invisible") in ("1", "True")
        if field.type == "many2one":
            spec[fname] = {"fields": {} if always_invisible else {"display_name": {}}}
        elif field.type in ("one2many", "many2many"):
            sub = None
            for tag in ("kanban", "list"):
                sub = field_node.find(tag)
                if sub is not None:
                    break
            if always_invisible:
                spec[fname] = {}
            elif sub is not None:
                spec[fname] = {"fields": _node_spec(sub, model.env[field.comodel_name]), "limit": 40}
            else:
                spec[fname] = {"fields": {"display_name": {}}}
        else:
            spec[fname] = {}
    return spec


def view_specs(env):
    Partner = env["res.partner"]
    action = env.ref("contacts.action_contacts").sudo()
    views = {view.view_mode: view.view_id.id for view in action.view_ids}
    result = Partner.get_views([(views.get("list"), "list"), (views.get("form"), "form")])
    specs = {}
    for view_type in ("list", "form"):
        arch = etree.fromstring(result["views"][view_type]["arch"])
        specs[view_type] = dict(_node_spec(arch, Partner), display_name={})
    return specs


# ---------------------------------------------------------------------- measure
def create_users(env, dbname):
    """The two bench users; the salesperson gets the partnership user group where it exists."""
    base_groups = [env.ref("base.group_user").id, env.ref("base.group_partner_manager").id]
    partnership_user = env.ref("redu_partnership.group_partnership_user", raise_if_not_found=False)
    for who, login in LOGINS.items():
        groups = base_groups + ([partnership_user.id] if who == "sales" and partnership_user else [])
        env["res.users"].create({"name": f"Bench {who} user", "login": login, "group_ids": [(6, 0, groups)]})


def prepare(bench, size):
    for dbname in (DB_BASE, DB_ADDON):
        with bench.env(dbname) as env:
            with_addon = dbname == DB_ADDON
            _elapsed = measure(env, generate_partners, env, size)[1]
            create_users(env, dbname)
            if with_addon:
                _elapsed += measure(env, generate_partnership_data, env)[1]
            log(f"{dbname}: {env['res.partner'].search_count([])} partners generated in {_elapsed:.1f} s")
        # Compact the tables: the updates above left dead rows that would slow down the
        # scans of one database only and falsify the comparison.
        vacuum(dbname, full=True)


def user_env(env, who):
    if who == "admin":
        user = env.ref("base.user_admin")
    else:
        user = env["res.users"].search([("login", "=", LOGINS[who])])
    return env(user=user.id, context={"lang": "en_US", "tz": "Europe/Helsinki", "bin_size": True})


def read_once(bench, dbname, what, who):
    """One read as the web client does it: (elapsed, processor time, queries)."""
    with bench.env(dbname) as env:
        env = user_env(env, who)
        Partner = env["res.partner"]
        specs = view_specs(env)
        if what == "list":
            env.invalidate_all()
            result, elapsed, cpu, queries = measure(
                env,
                Partner.web_search_read,
                [],
                specs["list"],
                offset=0,
                limit=80,
                order="complete_name ASC, id DESC",
                count_limit=10001,
            )
            assert len(result["records"]) == 80
        else:
            company = Partner.search([("name", "=", "Bench Company 7")], limit=1)
            env.invalidate_all()
            result, elapsed, cpu, queries = measure(env, company.web_read, specs["form"])
            assert result[0]["id"] == company.id
        env.cr.rollback()
        return elapsed, cpu, queries


def run_rounds(bench, rounds):
    """{(who, what): {dbname: [(elapsed, cpu, queries), ...]}}, the two databases interleaved."""
    results = {}
    for who in USERS:
        for what in ("list", "form"):
            for dbname in (DB_BASE, DB_ADDON):  # warm-up: caches, prepared plans
                for _i in range(5):
                    read_once(bench, dbname, what, who)
            times = {DB_BASE: [], DB_ADDON: []}
            for i in range(rounds):
                order = (DB_BASE, DB_ADDON) if i % 2 == 0 else (DB_ADDON, DB_BASE)
                for dbname in order:
                    times[dbname].append(read_once(bench, dbname, what, who))
            results[who, what] = times
    return results


def _p25(values):
    """First quartile: robust to the load of other processes on a shared machine."""
    ordered = sorted(values)
    return ordered[len(ordered) // 4]


def report_results(report, results, size):
    labels = {
        "list": f"partner list web_search_read (80 of {size})",
        "form": "partner form web_read (company + contacts)",
    }
    query_budget = {"list": LIST_QUERIES_ADDED, "form": FORM_QUERIES_ADDED}
    for who in USERS:
        medians = {DB_BASE: 0.0, DB_ADDON: 0.0}
        for what in ("list", "form"):
            times = results[who, what]
            report.line(f"{labels[what]}, {USERS[who]}:")
            # the count of a read does not vary from round to round; the largest is kept
            base_q, addon_q = (max(t[2] for t in times[db]) for db in (DB_BASE, DB_ADDON))
            report.figure(
                "    SQL queries",
                addon_q,
                digits=0,
                baseline=base_q,
                compare="delta",
                budget=query_budget[what],
                summary=f"{what} {addon_q - base_q:+d} queries ({who})",
            )
            for name, index, statistic in (
                ("wall median", 0, statistics.median),
                ("wall p25", 0, _p25),
                ("wall min", 0, min),
                ("Odoo CPU mean", 1, statistics.mean),
            ):
                base, addon = (statistic([t[index] * 1000 for t in times[db]]) for db in (DB_BASE, DB_ADDON))
                report.figure(f"    {name}", addon, "ms", baseline=base)
            for db in medians:
                medians[db] += statistics.median(t[0] for t in times[db]) * 1000
        ratio = report.figure(
            f"list + form, {USERS[who]}: wall median",
            medians[DB_ADDON],
            "ms",
            baseline=medians[DB_BASE],
            budget=TIME_RATIO_BUDGET,
            goal=TIME_RATIO_GOAL,
        )
        report.summary_parts.append(f"list+form {medians[DB_ADDON]:.1f} ms ratio {ratio:.3f} ({who})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=50000, help="number of partners (default 50000)")
    parser.add_argument("--rounds", type=int, default=40, help="measured rounds per figure (default 40)")
    parser.add_argument("--keep", action="store_true", help="keep the databases after the run")
    args = parser.parse_args()

    with Bench(keep=args.keep) as bench:
        bench.install(DB_BASE, "contacts,mail")
        bench.install(DB_ADDON, "contacts,mail,redu_partnership")
        prepare(bench, args.size)
        specs_info = {}
        for dbname in (DB_BASE, DB_ADDON):
            with bench.env(dbname) as env:
                specs = view_specs(user_env(env, "admin"))
                specs_info[dbname] = (len(specs["list"]), len(specs["form"]))
        log(f"fields in the list/form specifications: base {specs_info[DB_BASE]}, addon {specs_info[DB_ADDON]}")
        results = run_rounds(bench, args.rounds)

        report = Report("bench_partnership")
        report.line(
            f"bench_partnership: {args.size} partners, {args.rounds} interleaved rounds; 'without' is vanilla "
            "Odoo (contacts, mail); ratio = with redu_partnership / without; 'wall' is the elapsed time, "
            "'Odoo CPU' the processor time of the Odoo process only (robust to the load of other processes)"
        )
        report_results(report, results, args.size)
        report.summary(
            f"{args.size} partners, with redu_partnership vs. vanilla (budgets: list +{LIST_QUERIES_ADDED} "
            f"queries, form +{FORM_QUERIES_ADDED}, list+form time <= {TIME_RATIO_BUDGET}x, "
            f"goal {TIME_RATIO_GOAL}x)"
        )


if __name__ == "__main__":
    main()

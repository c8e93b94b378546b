#!/usr/bin/env python3
# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark of redu_partnership: does the addon slow down the Contacts app?

Creates two throwaway databases with the same partners (``--size``, 50,000 by
default; one company per five partners, the others its contacts):

- ``redu_bench_partnership_base``: contacts + mail (the baseline),
- ``redu_bench_partnership_addon``: the same + redu_partnership, with levels,
  cooperation forms, review dates and a level history on the companies.

Then it measures, side by side in one process and interleaved round by round,
what the web client asks for in Contacts, as the administrator (who sees the
partnership fields) and as a Contacts user without the partnership groups:

- the partner list: ``web_search_read`` with the specification of the list view
  of the Contacts action (first page of 80, count up to 10,001),
- the partner form: ``web_read`` of a company with its contacts, with the
  specification of the form view.

It prints, for each, the median, first quartile and minimum of the elapsed time
and the mean processor time of the Odoo process, with the ratio addon / baseline
(target <= 1.10), then drops the databases. It never fails: it is a measurement.

Usage: .venv/bin/python setup/bench/bench_partnership.py [--size 50000] [--rounds 40] [--keep]
(use e.g. --size 5000 --rounds 20 for a quick check)
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

from lxml import etree

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ODOO_SH = os.path.join(REPO, "setup", "odoo.sh")
ODOO_RC = os.path.join(REPO, ".odoo", "odoo.conf")
DB_BASE = "redu_bench_partnership_base"
DB_ADDON = "redu_bench_partnership_addon"
COMPANY_EVERY = 5  # one company for every five partners
BENCH_USER_LOGIN = "bench_contacts_user"
USERS = {
    "admin": "administrator (partnership manager: sees the partnership fields)",
    "plain": "Contacts user without the partnership groups",
}


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run_odoo(*args):
    subprocess.run([ODOO_SH, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def drop_db(name):
    subprocess.run(["dropdb", "--if-exists", "--force", name], check=False, stderr=subprocess.DEVNULL)


def install(dbname, modules):
    drop_db(dbname)
    start = time.perf_counter()
    # no demo data: both databases hold the same partners, only the generated ones
    run_odoo("-d", dbname, "-i", modules, "--without-demo=True", "--stop-after-init", "--no-http", "--log-level=warn")
    log(f"{dbname}: installed {modules} in {time.perf_counter() - start:.0f} s")


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
def _p25(values):
    """First quartile: robust to the load of other processes on a shared machine."""
    ordered = sorted(values)
    return ordered[len(ordered) // 4]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=50000, help="number of partners (default 50000)")
    parser.add_argument("--rounds", type=int, default=40, help="measured rounds per figure (default 40)")
    parser.add_argument("--keep", action="store_true", help="keep the databases after the run")
    args = parser.parse_args()
    wall = time.perf_counter()

    install(DB_BASE, "contacts,mail")
    install(DB_ADDON, "contacts,mail,redu_partnership")

    os.environ["ODOO_RC"] = ODOO_RC
    import odoo
    from odoo import api
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-c", ODOO_RC, "--no-http", "--log-level=warn"], setup_logging=True)
    registries = {}
    try:
        for dbname in (DB_BASE, DB_ADDON):
            registries[dbname] = Registry(dbname)
            with registries[dbname].cursor() as cr:
                env = api.Environment(cr, odoo.SUPERUSER_ID, {})
                start = time.perf_counter()
                generate_partners(env, args.size)
                # a Contacts user without the partnership groups ("everyone else")
                env["res.users"].create(
                    {
                        "name": "Bench Contacts User",
                        "login": BENCH_USER_LOGIN,
                        "group_ids": [
                            (6, 0, [env.ref("base.group_user").id, env.ref("base.group_partner_manager").id])
                        ],
                    }
                )
                if dbname == DB_ADDON:
                    generate_partnership_data(env)
                log(
                    f"{dbname}: {env['res.partner'].search_count([])} partners generated "
                    f"in {time.perf_counter() - start:.1f} s"
                )
            # Compact the tables: the updates above left dead rows that would slow down the
            # scans of one database only and falsify the comparison.
            subprocess.run(["vacuumdb", "--full", "--analyze", "--quiet", dbname], check=True)

        def measure(dbname, what, who):
            with registries[dbname].cursor() as cr:
                env = api.Environment(cr, odoo.SUPERUSER_ID, {})
                if who == "admin":
                    user = env.ref("base.user_admin")
                else:
                    user = env["res.users"].search([("login", "=", BENCH_USER_LOGIN)])
                env = env(user=user.id, context={"lang": "en_US", "tz": "Europe/Helsinki", "bin_size": True})
                Partner = env["res.partner"]
                specs = view_specs(env)
                if what == "list":
                    env.invalidate_all()
                    start, cpu_start = time.perf_counter(), time.process_time()
                    result = Partner.web_search_read(
                        [],
                        specs["list"],
                        offset=0,
                        limit=80,
                        order="complete_name ASC, id DESC",
                        count_limit=10001,
                    )
                    elapsed = time.perf_counter() - start, time.process_time() - cpu_start
                    assert len(result["records"]) == 80
                else:
                    company = Partner.search([("name", "=", "Bench Company 7")], limit=1)
                    env.invalidate_all()
                    start, cpu_start = time.perf_counter(), time.process_time()
                    result = company.web_read(specs["form"])
                    elapsed = time.perf_counter() - start, time.process_time() - cpu_start
                    assert result[0]["id"] == company.id
                cr.rollback()
                return elapsed

        specs_info = {}
        for dbname in (DB_BASE, DB_ADDON):
            with registries[dbname].cursor() as cr:
                env = api.Environment(cr, odoo.SUPERUSER_ID, {})
                env = env(user=env.ref("base.user_admin").id)
                specs = view_specs(env)
                specs_info[dbname] = (len(specs["list"]), len(specs["form"]))
        log(f"fields in the list/form specifications: base {specs_info[DB_BASE]}, addon {specs_info[DB_ADDON]}")

        results = {}
        for who in USERS:
            for what in ("list", "form"):
                for dbname in (DB_BASE, DB_ADDON):  # warm-up: caches, prepared plans
                    for _i in range(5):
                        measure(dbname, what, who)
                times = {DB_BASE: [], DB_ADDON: []}
                for i in range(args.rounds):
                    order = (DB_BASE, DB_ADDON) if i % 2 == 0 else (DB_ADDON, DB_BASE)
                    for dbname in order:
                        times[dbname].append(measure(dbname, what, who))
                results[who, what] = times

        labels = {
            "list": "partner list web_search_read (80 of %d)" % args.size,
            "form": "partner form web_read (company + contacts)",
        }
        print(
            f"bench_partnership: {args.size} partners, {args.rounds} interleaved rounds; "
            "ratio = with addon / without (target <= 1.10); 'wall' is the elapsed time, 'Odoo CPU' the "
            "processor time of the Odoo process only (robust to the load of other processes)"
        )
        summary = []
        for (who, what), times in results.items():
            wall_times = {db: [t[0] for t in values] for db, values in times.items()}
            cpu_times = {db: [t[1] for t in values] for db, values in times.items()}
            figures = []
            for name, values, statistic in (
                ("wall median", wall_times, statistics.median),
                ("wall p25", wall_times, _p25),
                ("wall min", wall_times, min),
                ("Odoo CPU mean", cpu_times, statistics.mean),
            ):
                base, addon = statistic(values[DB_BASE]), statistic(values[DB_ADDON])
                figures.append((name, base, addon, addon / base if base else float("nan")))
            print(f"{labels[what]}, {USERS[who]}:")
            for name, base, addon, ratio in figures:
                print(
                    f"    {name:14s} without addon {base * 1000:7.2f} ms, with addon {addon * 1000:7.2f} ms, "
                    f"ratio {ratio:.3f}"
                )
            summary.append(f"{what} {figures[0][2] * 1000:.1f} ms ratio {figures[0][3]:.3f} ({who})")
        print(f"SUMMARY {args.size} partners, median with addon / without (target <= 1.10): " + "; ".join(summary))
    finally:
        for registry in registries.values():
            Registry.delete(registry.db_name)
            odoo.sql_db.close_db(registry.db_name)  # release the pooled connections, or dropdb is refused
        if not args.keep:
            drop_db(DB_BASE)
            drop_db(DB_ADDON)
    log(f"total wall time {time.perf_counter() - wall:.0f} s")


if __name__ == "__main__":
    main()

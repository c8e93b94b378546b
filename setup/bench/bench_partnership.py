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
what the web client asks for in Contacts as the administrator (who sees the
partnership fields):

- the partner list: ``web_search_read`` with the specification of the list view
  of the Contacts action (first page of 80, count up to 10,001),
- the partner form: ``web_read`` of a company with its contacts, with the
  specification of the form view.

It prints the median time of each and the ratio addon / baseline (target
<= 1.10), then drops the databases. It never fails: it is a measurement.

Usage: .venv/bin/python setup/bench/bench_partnership.py [--size 50000] [--rounds 40] [--keep]
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


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run_odoo(*args):
    subprocess.run([ODOO_SH, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def drop_db(name):
    subprocess.run(["dropdb", "--if-exists", name], check=False, stderr=subprocess.DEVNULL)


def install(dbname, modules):
    drop_db(dbname)
    start = time.perf_counter()
    run_odoo("-d", dbname, "-i", modules, "--stop-after-init", "--no-http", "--log-level=warn")
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
        SELECT p.id, NULL, p.partnership_level_id, now() - interval '400 days', %(admin)s, 'initial', 'company',
               1, 1, now(), now()
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
        if field.type == "many2one":
            spec[fname] = {"fields": {"display_name": {}}}
        elif field.type in ("one2many", "many2many"):
            sub = None
            for tag in ("kanban", "list"):
                sub = field_node.find(tag)
                if sub is not None:
                    break
            if sub is not None:
                spec[fname] = {"fields": _node_spec(sub, model.env[field.comodel_name]), "limit": 40}
            else:
                spec[fname] = {"fields": {"display_name": {}}}
        else:
            spec[fname] = {}
    return spec


def view_specs(env):
    Partner = env["res.partner"]
    action = env.ref("contacts.action_contacts")
    views = {view.view_mode: view.view_id.id for view in action.view_ids}
    result = Partner.get_views([(views.get("list"), "list"), (views.get("form"), "form")])
    specs = {}
    for view_type in ("list", "form"):
        arch = etree.fromstring(result["views"][view_type]["arch"])
        specs[view_type] = _node_spec(arch, Partner)
    return specs


# ---------------------------------------------------------------------- measure
def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
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
                if dbname == DB_ADDON:
                    generate_partnership_data(env)
                log(
                    f"{dbname}: {env['res.partner'].search_count([])} partners generated "
                    f"in {time.perf_counter() - start:.1f} s"
                )

        def measure(dbname, what):
            with registries[dbname].cursor() as cr:
                env = api.Environment(cr, odoo.SUPERUSER_ID, {})
                admin = env.ref("base.user_admin")
                env = env(user=admin.id, context={"lang": "en_US", "tz": "Europe/Helsinki", "bin_size": True})
                Partner = env["res.partner"]
                specs = view_specs(env)
                if what == "list":
                    env.invalidate_all()
                    start = time.perf_counter()
                    result = Partner.web_search_read(
                        [],
                        specs["list"],
                        offset=0,
                        limit=80,
                        order="complete_name ASC, id DESC",
                        count_limit=10001,
                    )
                    elapsed = time.perf_counter() - start
                    assert len(result["records"]) == 80
                else:
                    company = Partner.search([("name", "=", "Bench Company 7")], limit=1)
                    env.invalidate_all()
                    start = time.perf_counter()
                    result = company.web_read(specs["form"])
                    elapsed = time.perf_counter() - start
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
        log(
            f"fields in the list/form specifications: base {specs_info[DB_BASE]}, addon {specs_info[DB_ADDON]}"
        )

        results = {}
        for what in ("list", "form"):
            for dbname in (DB_BASE, DB_ADDON):  # warm-up: caches, prepared plans
                for _i in range(5):
                    measure(dbname, what)
            times = {DB_BASE: [], DB_ADDON: []}
            for i in range(args.rounds):
                order = (DB_BASE, DB_ADDON) if i % 2 == 0 else (DB_ADDON, DB_BASE)
                for dbname in order:
                    times[dbname].append(measure(dbname, what))
            results[what] = {db: statistics.median(values) for db, values in times.items()}

        labels = {
            "list": "partner list web_search_read (80 of %d)" % args.size,
            "form": "partner form web_read (company + contacts)",
        }
        print(f"bench_partnership: {args.size} partners, {args.rounds} rounds, median times, admin user")
        for what, medians in results.items():
            base, addon = medians[DB_BASE], medians[DB_ADDON]
            ratio = addon / base if base else float("nan")
            verdict = "OK" if ratio <= 1.10 else "ABOVE TARGET"
            print(
                f"{labels[what]}: without addon {base * 1000:.2f} ms, with addon {addon * 1000:.2f} ms, "
                f"ratio {ratio:.3f} (target <= 1.10, {verdict})"
            )
    finally:
        for registry in registries.values():
            Registry.delete(registry.db_name)
        if not args.keep:
            drop_db(DB_BASE)
            drop_db(DB_ADDON)
    log(f"total wall time {time.perf_counter() - wall:.0f} s")


if __name__ == "__main__":
    main()

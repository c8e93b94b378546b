#!/usr/bin/env python3
# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""An Odoo cron worker for the benchmarks, in a process of its own, as a cron worker of a server.

It listens to the ``cron_trigger`` channel and runs ``ir.cron._process_jobs`` (Odoo's own loop: every ready
scheduled action, each batch committed) whenever it is notified, as Odoo's cron thread does
(odoo/service/server.py ``cron_thread``), until its standard input is closed. It prints ``ready`` once its
registry is loaded, and at the end ``queries <n> cpu <seconds>``: the SQL queries it sent and its processor
time while it waited and worked.

With ``--warm-up module:function``, it first calls ``function(env)`` (a module of setup/bench/) in a transaction
rolled back: the caches of a worker that has run before (a server's cron workers live long), not a first run's.

Usage (from a benchmark): subprocess.Popen([python, cron_worker.py, database, ...], stdin=PIPE, stdout=PIPE)
"""

import argparse
import importlib
import select
import sys
import time

from benchlib import ODOO_RC


def main():
    from odoo import SUPERUSER_ID, api, sql_db
    from odoo.modules.registry import Registry
    from odoo.tools import config

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database")
    parser.add_argument("--warm-up", help="module:function called with an environment first, rolled back")
    args = parser.parse_args()
    config.parse_config(["-c", ODOO_RC, "--no-http", "--log-level=warn"], setup_logging=True)
    database = args.database
    registry = Registry(database)
    cron_model = registry["ir.cron"]
    if args.warm_up:
        module, function = args.warm_up.split(":")
        with registry.cursor() as cr:
            getattr(importlib.import_module(module), function)(api.Environment(cr, SUPERUSER_ID, {}))
            cr.rollback()
    with sql_db.db_connect("postgres").cursor() as listener:
        listener.execute("LISTEN cron_trigger")
        listener.commit()
        connection = listener._cnx
        queries, cpu = sql_db.sql_counter, time.process_time()
        print("ready", flush=True)
        while True:
            # a notification, or the end of stdin; a minute at most, as Odoo's cron thread
            readable, _writable, _errors = select.select([connection, sys.stdin], [], [], 60)
            if sys.stdin in readable and not sys.stdin.read(1):
                break
            connection.poll()
            connection.notifies.clear()
            cron_model._process_jobs(database)
        print(f"queries {sql_db.sql_counter - queries} cpu {time.process_time() - cpu:.2f}", flush=True)


if __name__ == "__main__":
    main()

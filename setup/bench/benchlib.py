# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the benchmarks of setup/bench/ share: throwaway databases, data generation helpers
and the printing of their figures.

- ``Bench``: a context manager that installs addons in throwaway databases (through
  setup/odoo.sh, without demo data), opens their registries and environments, and at the end
  closes the registries and drops the databases (unless ``keep``).
- Data: ``insert_rows`` (bulk INSERT from unnest(), ids returned), ``analyze`` and ``vacuum``,
  and ``demo_data`` (setup/demo_data.py: the project's seeded generators of Finnish names and
  Y-tunnus values).
- Measuring: ``measure`` (elapsed time, processor time and SQL queries of one call); ``host_speed`` (a fixed
  workload's processor time: the host's speed, which ``Report.host`` prints with the load average).
- Figures: ``Report.figure`` prints one figure with its baseline or its budget and goal, the
  ratio, and whether the budget is met; ``Report.summary`` prints the ``SUMMARY`` line that
  setup/bench.sh repeats. A benchmark is a measurement: a missed budget is printed, never an
  exit code.
"""

import contextlib
import os
import subprocess
import sys
import time

SETUP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(SETUP)
ODOO_SH = os.path.join(SETUP, "odoo.sh")
ODOO_RC = os.path.join(REPO, ".odoo", "odoo.conf")
os.environ.setdefault("ODOO_RC", ODOO_RC)

sys.path.insert(0, SETUP)
import demo_data  # noqa: E402  (setup/demo_data.py: the project's seeded value generators)

__all__ = [
    "Bench",
    "Report",
    "analyze",
    "db_name",
    "demo_data",
    "host_speed",
    "insert_rows",
    "log",
    "measure",
    "vacuum",
]


def log(message):
    """Progress, on stderr (stdout holds the figures)."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------- databases
def db_name(name):
    """The name of a throwaway database; BENCH_DB_PREFIX in the environment is put before it
    (to keep the databases of several checkouts on one server apart)."""
    return os.environ.get("BENCH_DB_PREFIX", "") + name


def drop_db(name):
    subprocess.run(["dropdb", "--if-exists", "--force", name], check=False, stderr=subprocess.DEVNULL)


def install_db(name, modules):
    """A new database ``name`` with ``modules`` installed, without demo data."""
    drop_db(name)
    start = time.perf_counter()
    result = subprocess.run(
        [ODOO_SH, "-d", name, "-i", modules, "--stop-after-init", "--no-http", "--log-level=warn"],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        print(result.stdout[-3000:], result.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"installing {modules} in {name} failed")
    log(f"{name}: installed {modules} in {time.perf_counter() - start:.0f} s")


class Bench:
    """Throwaway databases of one benchmark run::

    with Bench(keep=args.keep) as bench:
        bench.install("redu_bench_x", "redu_services")
        with bench.env("redu_bench_x") as env:
            ...
    """

    def __init__(self, keep=False):
        self.keep = keep
        self.databases = []
        self.registries = {}
        self.start = None

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def install(self, name, modules):
        self.databases.append(name)
        install_db(name, modules)

    def registry(self, name):
        if name not in self.registries:
            from odoo.modules.registry import Registry
            from odoo.tools import config

            if not self.registries:
                config.parse_config(["-c", ODOO_RC, "--no-http", "--log-level=warn"], setup_logging=True)
            self.registries[name] = Registry(name)
        return self.registries[name]

    @contextlib.contextmanager
    def env(self, name, uid=None, context=None):
        """An environment on a new cursor of database ``name`` (superuser by default); the
        cursor commits when the block ends without an error, unless the block rolled back."""
        import odoo
        from odoo import api

        with self.registry(name).cursor() as cr:
            yield api.Environment(cr, uid or odoo.SUPERUSER_ID, context or {})

    def __exit__(self, *exc_info):
        import odoo
        from odoo.modules.registry import Registry

        for name in self.registries:
            Registry.delete(name)
            odoo.sql_db.close_db(name)  # release the pooled connections, or dropdb is refused
        if self.keep:
            log(f"kept the databases {', '.join(self.databases)}")
        else:
            for name in self.databases:
                drop_db(name)
        log(f"total wall time {time.perf_counter() - self.start:.0f} s")
        return False


# ---------------------------------------------------------------------- data
def insert_rows(env, table, columns, rows, chunk=20000):
    """Insert ``rows`` (tuples in the order of ``columns``, a list of (name, SQL type)) into
    ``table``, one INSERT ... SELECT FROM unnest() per ``chunk`` rows; returns the new ids."""
    from odoo.tools import SQL

    ids = []
    for start in range(0, len(rows), chunk):
        part = rows[start : start + chunk]
        arrays = [[row[index] for row in part] for index in range(len(columns))]
        env.cr.execute(
            SQL(
                "INSERT INTO %s (%s) SELECT * FROM unnest(%s) RETURNING id",
                SQL.identifier(table),
                SQL(", ").join(SQL.identifier(name) for name, _type in columns),
                SQL(", ").join(
                    SQL("%s::" + sql_type + "[]", array)
                    for (_name, sql_type), array in zip(columns, arrays, strict=True)
                ),
            )
        )
        ids += [row[0] for row in env.cr.fetchall()]
    return ids


def analyze(env, *tables):
    """Fresh planner statistics after a bulk insert, in the transaction."""
    from odoo.tools import SQL

    for table in tables:
        env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))


def vacuum(dbname, tables=(), full=False):
    """VACUUM ANALYZE (FULL) outside a transaction, as autovacuum would do on a live database:
    statistics, visibility map (index-only scans), and no dead rows left by bulk updates."""
    command = ["vacuumdb", "--analyze", "--quiet", "--dbname", dbname]
    if full:
        command.append("--full")
    for table in tables:
        command += ["--table", table]
    subprocess.run(command, check=True)


# ---------------------------------------------------------------------- measuring
def measure(env, function, *args, **kwargs):
    """Call ``function``; return (result, elapsed seconds, processor seconds, SQL queries)."""
    cr = env.cr
    queries = cr.sql_log_count
    start, cpu_start = time.perf_counter(), time.process_time()
    result = function(*args, **kwargs)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return result, elapsed, cpu, cr.sql_log_count - queries


def host_speed():
    """The processor seconds of a fixed pure-Python workload (arithmetic and dict inserts, about a second): the
    host's speed at this moment, printed beside the figures (lower is faster). This host's speed drifts by
    30 % and more within an hour without any load of ours; a figure compares with another only at the same
    reference."""
    start = time.process_time()
    total = 0
    for number in range(5_000_000):
        total += number * number % 7
    table = {}
    for number in range(1_000_000):
        table[str(number)] = number
    return time.process_time() - start


# ---------------------------------------------------------------------- figures
def _number(value, digits):
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and digits == 0):
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


class Report:
    """The figures of one benchmark on stdout, one line each, and its SUMMARY line."""

    def __init__(self, name):
        self.name = name
        self.summary_parts = []
        self.budgets = []  # (label, met)

    def line(self, text):
        print(text, flush=True)

    def host(self, when):
        """The host's load average and speed (:func:`host_speed`), ``when`` ("before", "after")."""
        load = " ".join(f"{value:.2f}" for value in os.getloadavg())
        self.line(f"host {when}: load average {load}; reference workload {host_speed():.2f} s CPU (lower: faster)")

    def figure(
        self,
        label,
        value,
        unit="",
        *,
        digits=2,
        baseline=None,
        compare="ratio",
        budget=None,
        goal=None,
        higher_is_better=False,
        summary=None,
    ):
        """Print ``label: value unit`` and, when given:

        - ``baseline``: the same figure without what is measured (vanilla Odoo, one by one...)
          and the ratio value / baseline (``compare="ratio"``) or the difference
          (``compare="delta"``); the budget and the goal then apply to that ratio or difference;
        - ``budget`` (the limit) and ``goal``: without a baseline they apply to the value itself,
          with its ratio to the budget; each is said met or MISSED.

        ``summary``: the short text of this figure in the SUMMARY line (default: none).
        Returns what the budget applies to."""
        unit_text = f" {unit}" if unit and not unit.startswith("×") else unit
        parts = [f"{label}: {_number(value, digits)}{unit_text}"]
        compared = value
        suffix = unit_text
        if baseline is not None:
            if compare == "delta":
                compared = value - baseline
                parts.append(f"without: {_number(baseline, digits)}{unit_text}, difference {compared:+,.{digits}f}")
            else:
                compared = value / baseline if baseline else float("nan")
                parts.append(f"without: {_number(baseline, digits)}{unit_text}, ratio {compared:.3f}")
                suffix = "×"
        operator = ">=" if higher_is_better else "<="
        for kind, limit in (("budget", budget), ("goal", goal)):
            if limit is None:
                continue
            met = compared >= limit if higher_is_better else compared <= limit
            text = f"{kind} {operator} {_number(limit, digits if baseline is None else 2)}{suffix}"
            if baseline is None and limit:
                text += f" (ratio {value / limit:.2f})"
            parts.append(f"{text}: {'met' if met else 'MISSED'}")
            if kind == "budget":
                self.budgets.append((label, met))
        self.line("; ".join(parts))
        if summary:
            self.summary_parts.append(summary)
        return compared

    def summary(self, headline):
        """The SUMMARY line: the headline, the figures marked for it, the budgets met."""
        missed = [label for label, met in self.budgets if not met]
        budgets = f"budgets met {len(self.budgets) - len(missed)}/{len(self.budgets)}"
        if missed:
            budgets += " (missed: " + "; ".join(missed) + ")"
        self.line(f"SUMMARY {headline}: " + "; ".join([*self.summary_parts, budgets]))

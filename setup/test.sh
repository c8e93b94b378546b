#!/usr/bin/env bash
# The whole test suite of the REDU addons, from a fresh database:
#   1. setup/install.sh (idempotent);
#   2. a new database where Odoo's own runner installs the addons (ADDONS) with
#      demo data and --test-enable (their at_install and post_install tests);
#   3. pytest with pytest-odoo over tests/ (cross-addon cases) on that database;
#   4. static checks: pre-commit run --all-files (.pre-commit-config.yaml: ruff,
#      ruff format, pylint-odoo, oca-checks-odoo-module, oca-checks-po, README
#      generation, whitespace...); every failed hook counts as a failure. Hooks
#      that fix files leave their fixes in the work tree.
# Ends with one line "N passed, N failed"; exits non-zero on any failure.
# The database is dropped at the end unless KEEP_DB=1.
# Environment: ODOO_SRC (see install.sh), TEST_DB (database name),
#              TEST_HTTP_PORT (port of the test server for tours, default 18069).
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
ADDONS=redu_base,redu_background,redu_partnership,redu_services,redu_feedback_prep,redu_services_feedback,redu_feedback_portal,redu_feedback_tpk,redu_services_feedback_tpk,redu_partnership_ytj,redu_services_website,spreadsheet_dashboard_redu,spreadsheet_dashboard_redu_portal,spreadsheet_dashboard_redu_tpk,redu_instructor_training,redu_instructor_elearning,spreadsheet_dashboard_redu_training,redu_feedback_arvo,spreadsheet_dashboard_redu_arvo,redu_workplace_places,redu_workplace_places_website,redu_workplace_places_portal,redu_workplace_places_arvo,redu_workplace_places_training,spreadsheet_dashboard_redu_places
DB=${TEST_DB:-redu_test_$$}
PORT=${TEST_HTTP_PORT:-18069}
LOGDIR=$REPO/.odoo/logs
START=$(date +%s)
say() { printf '[test] %s\n' "$*"; }

setup/install.sh || { echo "install failed"; echo "0 passed, 1 failed"; exit 1; }
mkdir -p "$LOGDIR"

cleanup() {
    if [ "${KEEP_DB:-0}" = "1" ]; then
        say "keeping database $DB (KEEP_DB=1)"
    else
        dropdb --if-exists "$DB" >/dev/null 2>&1 || true
        rm -rf "$REPO/.odoo/data/filestore/$DB"
    fi
}
trap cleanup EXIT

passed=0
failed=0

# ------------------------------------------------------------ Odoo's runner
dropdb --if-exists "$DB" >/dev/null 2>&1
LOG=$LOGDIR/odoo-$DB.log
say "installing $ADDONS in a new database '$DB' with --test-enable (log: $LOG)"
tags=/${ADDONS//,/,\/}
setup/odoo.sh -d "$DB" -i "$ADDONS" --with-demo --test-enable --test-tags "$tags" \
    --stop-after-init --http-port "$PORT" --log-level=test --workers 0 >"$LOG" 2>&1
rc=$?
summary=$(grep -E "[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests when loading database" "$LOG" | tail -1)
if [ -n "$summary" ]; then
    read -r o_failed o_errors o_total < <(sed -E 's/.* ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' <<<"$summary")
else
    o_failed=0; o_errors=0; o_total=0
fi
o_bad=$((o_failed + o_errors))
# an error logged outside a test (a view that does not load, a failed data file)
log_errors=$(grep -cE "^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) " "$LOG")
grep -E "^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL|WARNING) " "$LOG" | grep -vE "odoo.tests.result: [0-9]+ failed" | head -40
if [ "$rc" -ne 0 ] || [ "$o_total" -eq 0 ]; then
    [ "$o_bad" -eq 0 ] && o_bad=1
    say "Odoo's runner failed (exit $rc, $o_total tests); tail of the log:"
    tail -30 "$LOG"
elif [ "$log_errors" -gt 0 ] && [ "$o_bad" -eq 0 ]; then
    o_bad=1
    say "the log has $log_errors ERROR/CRITICAL line(s) outside failed tests"
fi
say "Odoo runner: ${summary:-no test summary} ($(( $(date +%s) - START )) s so far)"
passed=$((passed + o_total - o_failed - o_errors))
failed=$((failed + o_bad))

# ------------------------------------------------------------------- pytest
if [ "$rc" -eq 0 ]; then
    say "pytest (pytest-odoo) over tests/"
    JUNIT=$LOGDIR/pytest-$DB.xml
    .venv/bin/pytest --odoo-database="$DB" --odoo-config="$REPO/.odoo/odoo.conf" \
        --junitxml="$JUNIT" -q -p no:cacheprovider tests
    prc=$?
    if [ -f "$JUNIT" ]; then
        read -r p_total p_bad < <(.venv/bin/python - "$JUNIT" <<'PY'
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
total = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(total - skipped, bad)
PY
)
    else
        p_total=0; p_bad=1
    fi
    if [ "$prc" -ne 0 ] && [ "$p_bad" -eq 0 ]; then p_bad=1; fi
    passed=$((passed + p_total - p_bad))
    failed=$((failed + p_bad))
else
    say "pytest skipped: the database did not install"
    failed=$((failed + 1))
fi

# ------------------------------------------------------------ static checks
# pre-commit with the hooks of .pre-commit-config.yaml (local hooks running the
# tools of the venv: no network). A hook that fixes files (ruff, ruff format,
# whitespace) changes them in the work tree and fails: review and commit the fix.
# Each failed hook counts as one failure.
say "pre-commit run --all-files (.pre-commit-config.yaml)"
PC_LOG=$LOGDIR/pre-commit-$DB.log
if ! git -C "$REPO" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    say "pre-commit needs a git checkout; $REPO is none"
    failed=$((failed + 1))
else
    PRE_COMMIT_HOME=$REPO/.odoo/pre-commit \
        .venv/bin/pre-commit run --all-files --show-diff-on-failure --color=never >"$PC_LOG" 2>&1
    pcrc=$?
    cat "$PC_LOG"
    pc_failed=$(grep -cE '\.{3,}Failed$' "$PC_LOG")
    if [ "$pcrc" -ne 0 ] && [ "$pc_failed" -eq 0 ]; then pc_failed=1; fi
    if [ "$pc_failed" -gt 0 ]; then
        say "pre-commit: $pc_failed hook(s) failed: $(grep -E '\.{3,}Failed$' "$PC_LOG" | sed -E 's/\.{3,}Failed$//' | paste -sd, -)"
    fi
    failed=$((failed + pc_failed))
fi

say "wall time $(( $(date +%s) - START )) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

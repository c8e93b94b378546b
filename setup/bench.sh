#!/usr/bin/env bash
# Every benchmark under setup/bench/bench_*.py, one after the other, each on
# throwaway database(s) that it creates and drops itself (setup/bench/benchlib.py:
# databases, data helpers, figures). Each prints its figures with their baseline
# or budget, the ratio, and whether the budget is met; this script repeats the
# SUMMARY line of each at the end. Measurements, never pass/fail tests: a missed
# budget is printed, the exit code is that of the scripts.
# bench_load.py (the load benchmark: a multi-worker server on a new demo database and
# locust's simulated users, installed into .odoo/locust-venv here) and bench_public.py (the
# crowd of anonymous visitors and a bot on the public pages, the same way) exit 1 when their
# budget is missed.
#   setup/bench.sh            full sizes (about 20 minutes on 2 cores)
#   setup/bench.sh --quick    small sizes, to check that the scripts run
# BENCH_DB_PREFIX=x_ puts x_ before the names of the throwaway databases.
set -uo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
setup/install.sh >/dev/null || exit 1
# locust (bench_load.py, bench_public.py) in a virtualenv of its own: it needs Werkzeug, gevent and requests
# versions that Odoo's .venv must keep at Odoo's
if [ ! -x .odoo/locust-venv/bin/locust ]; then
    echo "== installing locust into .odoo/locust-venv"
    .venv/bin/python -m venv .odoo/locust-venv && .odoo/locust-venv/bin/pip install --quiet locust || exit 1
fi
quick=0
[ "${1:-}" = "--quick" ] && quick=1
declare -A QUICK_ARGS=(
    [bench_partnership]="--size 5000 --rounds 10"
    [bench_services]="--size 50000 --processes 2000"
    [bench_feedback_prep]="--size 5000 --sample 100 --edits 5"
    [bench_import]="--rows 2000"
    [bench_load]="--quick"
    [bench_public]="--quick"
)
LOG=$REPO/.odoo/logs
mkdir -p "$LOG"
summary=()
status=0
for bench in setup/bench/bench_*.py; do
    name=$(basename "$bench" .py)
    args=()
    [ "$quick" = 1 ] && read -r -a args <<<"${QUICK_ARGS[$name]:-}"
    echo "== $name ${args[*]}"
    .venv/bin/python "$bench" "${args[@]}" 2>"$LOG/$name.err" | tee "$LOG/$name.out"
    rc=${PIPESTATUS[0]}
    if [ "$rc" -ne 0 ]; then
        echo "   ($name exited with $rc; see $LOG/$name.err)"
        tail -5 "$LOG/$name.err"
        status=1
    fi
    line=$(grep -E '^SUMMARY' "$LOG/$name.out" | tail -1)
    [ -n "$line" ] || line="no SUMMARY line (exited with $rc)"
    summary+=("$name: ${line#SUMMARY }")
done
echo
echo "== benchmarks"
printf '%s\n' "${summary[@]}"
exit "$status"

#!/usr/bin/env bash
# Every benchmark under setup/bench/, one after the other, each on throwaway
# database(s) that it creates and drops itself. Each prints its figures with the
# ratio against the baseline its issue names; this script repeats the summary
# line of each at the end. Measurements, never pass/fail tests.
#   setup/bench.sh            full sizes (about 10 minutes on 2 cores)
#   setup/bench.sh --quick    small sizes, to check that the scripts run
set -uo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
setup/install.sh >/dev/null || exit 1
quick=0
[ "${1:-}" = "--quick" ] && quick=1
declare -A QUICK_ARGS=(
    [bench_partnership]="--size 5000 --rounds 10"
    [bench_services]="--size 50000 --processes 2000"
    [bench_feedback_prep]="--size 5000 --sample 100 --edits 5"
)
LOG=$REPO/.odoo/logs
mkdir -p "$LOG"
summary=()
for bench in setup/bench/bench_*.py; do
    name=$(basename "$bench" .py)
    args=()
    [ "$quick" = 1 ] && read -r -a args <<<"${QUICK_ARGS[$name]:-}"
    echo "== $name ${args[*]}"
    .venv/bin/python "$bench" "${args[@]}" 2>"$LOG/$name.err" | tee "$LOG/$name.out"
    rc=${PIPESTATUS[0]}
    [ "$rc" -eq 0 ] || { echo "   ($name exited with $rc; see $LOG/$name.err)"; tail -5 "$LOG/$name.err"; }
    line=$(grep -E '^SUMMARY' "$LOG/$name.out" | tail -1)
    summary+=("$name: ${line#SUMMARY }")
done
echo
echo "== benchmarks"
printf '%s\n' "${summary[@]}"

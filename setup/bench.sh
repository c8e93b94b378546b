#!/usr/bin/env bash
# Every benchmark under setup/bench/, one after the other. Each script creates
# and drops its own throwaway database(s) and prints its figures with the ratio
# against the baseline its issue names. Measurements, never pass/fail tests.
#   setup/bench.sh [args passed to every script, e.g. --size N]
set -uo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
setup/install.sh >/dev/null
args=("$@")
for bench in setup/bench/bench_*.py; do
    echo "== $(basename "$bench" .py)"
    .venv/bin/python "$bench" "${args[@]}" || echo "   (benchmark $bench exited with $?)"
done

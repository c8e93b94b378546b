#!/usr/bin/env bash
# A demo server of the REDU addons at http://127.0.0.1:8069 (Ctrl-C stops it).
#   - installs what is missing (setup/install.sh, idempotent);
#   - creates the database redu_demo with the addons, their demo data,
#     the generated demo data, demo users and Finnish, if it does not exist yet
#     (setup/demo_db.sh);
#   - serves it: by default with Odoo's threaded development server; with
#     --workers N (N > 0) with Odoo's multi-process (prefork) server as in
#     production: N HTTP workers, cron workers, a gevent process for the
#     websocket (/websocket) on the gevent port, and memory/time limits per worker
#     (docs/deploy.md).
# Usage: setup/run.sh [--workers N] [--proxy-mode] [extra Odoo options...]
# Environment: ODOO_SRC (see install.sh), DEMO_DB (default redu_demo),
#   ODOO_HTTP_PORT (default 8069), ODOO_WORKERS (default 0: threaded server),
#   ODOO_GEVENT_PORT (default 8072, websocket; used with workers),
#   ODOO_MAX_CRON_THREADS (default 2: the two parts of a big import side by side),
#   ODOO_LIMIT_MEMORY_SOFT / ODOO_LIMIT_MEMORY_HARD (bytes per worker; default
#     640 MiB / 768 MiB), ODOO_LIMIT_TIME_CPU / ODOO_LIMIT_TIME_REAL (seconds
#     per request; default 60 / 120),
#   ODOO_PROXY_MODE=1 (behind a reverse proxy: trust X-Forwarded-* headers),
#   ODOO_HTTP_INTERFACE (default 127.0.0.1).
# Options after ours are passed to Odoo as they are (e.g. --log-level=debug_sql).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
DB=${DEMO_DB:-redu_demo}
PORT=${ODOO_HTTP_PORT:-8069}
WORKERS=${ODOO_WORKERS:-0}
GEVENT_PORT=${ODOO_GEVENT_PORT:-8072}
PROXY_MODE=${ODOO_PROXY_MODE:-0}
INTERFACE=${ODOO_HTTP_INTERFACE:-127.0.0.1}
EXTRA=()
while [ $# -gt 0 ]; do
    case "$1" in
        --workers) WORKERS=${2:?--workers needs a number}; shift 2 ;;
        --workers=*) WORKERS=${1#*=}; shift ;;
        --proxy-mode) PROXY_MODE=1; shift ;;
        -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) EXTRA+=("$1"); shift ;;
    esac
done
[[ "$WORKERS" =~ ^[0-9]+$ ]] || { echo "--workers / ODOO_WORKERS: a number, not '$WORKERS'" >&2; exit 2; }

setup/install.sh
setup/demo_db.sh "$DB"

# one database and no --db-filter: Odoo then never lists the databases (a new PostgreSQL
# connection on each request without a stored session, every anonymous visitor's: issue #28)
ARGS=(-d "$DB" --http-port "$PORT" --http-interface "$INTERFACE")
if [ "$WORKERS" -gt 0 ]; then
    # Odoo's prefork server (odoo/service/server.py PreforkServer): WORKERS HTTP
    # workers, max_cron_threads cron workers and one gevent process for the
    # websocket on the gevent port. A worker above the soft memory limit is
    # recycled after its request; the hard limit and the CPU/real time limits
    # stop a runaway request.
    ARGS+=(--workers "$WORKERS" --gevent-port "$GEVENT_PORT"
        --max-cron-threads "${ODOO_MAX_CRON_THREADS:-2}"
        --limit-memory-soft "${ODOO_LIMIT_MEMORY_SOFT:-$((640 * 1024 * 1024))}"
        --limit-memory-hard "${ODOO_LIMIT_MEMORY_HARD:-$((768 * 1024 * 1024))}"
        --limit-time-cpu "${ODOO_LIMIT_TIME_CPU:-60}"
        --limit-time-real "${ODOO_LIMIT_TIME_REAL:-120}")
    MODE="multi-process server: $WORKERS HTTP workers, ${ODOO_MAX_CRON_THREADS:-2} cron workers, websocket on port $GEVENT_PORT"
else
    [ -n "${ODOO_MAX_CRON_THREADS:-}" ] && ARGS+=(--max-cron-threads "$ODOO_MAX_CRON_THREADS")
    MODE="threaded development server (setup/run.sh --workers N for the multi-process one)"
fi
case "$PROXY_MODE" in
    1|true|True|yes) ARGS+=(--proxy-mode); MODE="$MODE, proxy mode (X-Forwarded-* trusted)" ;;
esac

cat <<MSG

  REDU demo: http://127.0.0.1:$PORT/odoo   (database $DB)
  public service catalogue: http://127.0.0.1:$PORT/palvelut
  $MODE
  login: admin                password: admin                administrator
MSG
USERS_FILE=$REPO/.odoo/demo-users-$DB.txt
if [ -f "$USERS_FILE" ]; then cat "$USERS_FILE"; fi
echo "  Ctrl-C stops the server."
echo
exec setup/odoo.sh "${ARGS[@]}" "${EXTRA[@]}"

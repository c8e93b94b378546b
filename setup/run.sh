#!/usr/bin/env bash
# A demo server of the REDU addons at http://127.0.0.1:8069 (Ctrl-C stops it).
#   - installs what is missing (setup/install.sh, idempotent);
#   - creates the database redu_demo with the three addons, their demo data and
#     Finnish, if it does not exist yet (or finishes an interrupted creation);
#   - serves it.
# Environment: ODOO_SRC (see install.sh), DEMO_DB (default redu_demo),
#              ODOO_HTTP_PORT (default 8069).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
ADDONS=redu_partnership,redu_services,redu_feedback_prep
DB=${DEMO_DB:-redu_demo}
PORT=${ODOO_HTTP_PORT:-8069}
say() { printf '[run] %s\n' "$*"; }

setup/install.sh

installed() {
    psql -d "$DB" -Atc "select count(*) from ir_module_module
        where name in ('${ADDONS//,/\',\'}') and state = 'installed'" 2>/dev/null || echo 0
}
if [ "$(installed)" != "3" ]; then
    say "creating the demo database '$DB' (a few minutes the first time)"
    setup/odoo.sh -d "$DB" -i "$ADDONS" --with-demo --load-language fi_FI \
        --stop-after-init --http-port "$PORT" --log-level=warn
    [ "$(installed)" = "3" ] || { say "ERROR: the addons did not install in '$DB'; see the log above"; exit 1; }
    if [ -x setup/demo_setup.sh ]; then setup/demo_setup.sh "$DB"; fi
else
    say "database '$DB' exists with the addons installed; reusing it"
fi

cat <<MSG

  REDU demo: http://127.0.0.1:$PORT/odoo   (database $DB)
  login: admin   password: admin
MSG
if [ -f "$REPO/.odoo/demo-users.txt" ]; then cat "$REPO/.odoo/demo-users.txt"; fi
echo "  Ctrl-C stops the server."
echo
exec setup/odoo.sh -d "$DB" --db-filter "^${DB}\$" --http-port "$PORT" --http-interface 127.0.0.1

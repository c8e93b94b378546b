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

USERS_FILE=$REPO/.odoo/demo-users-$DB.txt
installed() {
    psql -d "$DB" -Atc "select count(*) from ir_module_module
        where name in ('${ADDONS//,/\',\'}', 'l10n_fi') and state = 'installed'" 2>/dev/null || echo 0
}
generated() {
    [ -f "$USERS_FILE" ] && [ "$(psql -d "$DB" -Atc "select count(*) from res_users
        where login = 'asiakkuusvastaava'" 2>/dev/null)" = "1" ]
}
if [ "$(installed)" != "4" ]; then
    say "creating the demo database '$DB' (a few minutes the first time)"
    setup/odoo.sh -d "$DB" -i "$ADDONS,l10n_fi" --with-demo --load-language fi_FI \
        --stop-after-init --http-port "$PORT" --log-level=warn
    [ "$(installed)" = "4" ] || { say "ERROR: the addons did not install in '$DB'; see the log above"; exit 1; }
else
    say "database '$DB' exists with the addons installed; reusing it"
fi
if ! generated; then
    say "generating the demo data and users (setup/demo_data.py)"
    .venv/bin/python setup/demo_data.py -d "$DB" --users --users-file "$USERS_FILE" \
        || { say "ERROR: the demo data generator failed"; exit 1; }
fi

cat <<MSG

  REDU demo: http://127.0.0.1:$PORT/odoo   (database $DB)
  login: admin   password: admin
MSG
[ -f "$USERS_FILE" ] && cat "$USERS_FILE"
echo "  Ctrl-C stops the server."
echo
exec setup/odoo.sh -d "$DB" --db-filter "^${DB}\$" --http-port "$PORT" --http-interface 127.0.0.1

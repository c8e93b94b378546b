#!/usr/bin/env bash
# Create the demo database (default redu_demo) if it is not there yet: the three
# addons with their demo data, the Finnish chart of accounts (l10n_fi), Finnish,
# then setup/demo_data.py (organisations, processes, agreements, demo users).
# Idempotent: an existing complete database is reused; an interrupted one is finished.
# Usage: setup/demo_db.sh [DB]     (setup/install.sh must have run)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
ADDONS=redu_base,redu_background,redu_partnership,redu_services,redu_feedback_prep,redu_services_feedback,redu_feedback_portal,redu_feedback_tpk,redu_services_feedback_tpk,redu_partnership_ytj,redu_services_website,spreadsheet_dashboard_redu,spreadsheet_dashboard_redu_portal,spreadsheet_dashboard_redu_tpk,redu_instructor_training,redu_instructor_elearning,spreadsheet_dashboard_redu_training,redu_feedback_arvo,spreadsheet_dashboard_redu_arvo,redu_workplace_places,redu_workplace_places_website,redu_workplace_places_portal,redu_workplace_places_arvo,redu_workplace_places_training,spreadsheet_dashboard_redu_places
DB=${1:-${DEMO_DB:-redu_demo}}
USERS_FILE=$REPO/.odoo/demo-users-$DB.txt
say() { printf '[demo] %s\n' "$*"; }

# the addons and l10n_fi
EXPECTED=$(( $(tr ',' '\n' <<<"$ADDONS" | wc -l) + 1 ))
installed() {
    psql -d "$DB" -Atc "select count(*) from ir_module_module
        where name in ('${ADDONS//,/\',\'}', 'l10n_fi') and state = 'installed'" 2>/dev/null || echo 0
}
generated() {
    [ -f "$USERS_FILE" ] && [ "$(psql -d "$DB" -Atc "select count(*) from res_users
        where login = 'asiakkuusvastaava'" 2>/dev/null)" = "1" ]
}
if [ "$(installed)" != "$EXPECTED" ]; then
    say "creating the demo database '$DB' (a few minutes the first time)"
    setup/odoo.sh -d "$DB" -i "$ADDONS,l10n_fi" --with-demo --load-language fi_FI \
        --stop-after-init --log-level=warn
    [ "$(installed)" = "$EXPECTED" ] || { say "ERROR: the addons did not install in '$DB'; see the log above"; exit 1; }
else
    say "database '$DB' exists with the addons installed; reusing it"
fi
if ! generated; then
    say "generating the demo data and users (setup/demo_data.py)"
    .venv/bin/python setup/demo_data.py -d "$DB" --users --users-file "$USERS_FILE" \
        || { say "ERROR: the demo data generator failed"; exit 1; }
fi

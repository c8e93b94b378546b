#!/usr/bin/env bash
# A demo server of the REDU addons at http://127.0.0.1:8069 (Ctrl-C stops it).
#   - installs what is missing (setup/install.sh, idempotent);
#   - creates the database redu_demo with the addons, their demo data,
#     the generated demo data, demo users and Finnish, if it does not exist yet
#     (setup/demo_db.sh);
#   - serves it.
# Environment: ODOO_SRC (see install.sh), DEMO_DB (default redu_demo),
#              ODOO_HTTP_PORT (default 8069).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
DB=${DEMO_DB:-redu_demo}
PORT=${ODOO_HTTP_PORT:-8069}

setup/install.sh
setup/demo_db.sh "$DB"

cat <<MSG

  REDU demo: http://127.0.0.1:$PORT/odoo   (database $DB)
  public service catalogue: http://127.0.0.1:$PORT/palvelut
  login: admin                password: admin                administrator
MSG
USERS_FILE=$REPO/.odoo/demo-users-$DB.txt
if [ -f "$USERS_FILE" ]; then cat "$USERS_FILE"; fi
echo "  Ctrl-C stops the server."
echo
exec setup/odoo.sh -d "$DB" --db-filter "^${DB}\$" --http-port "$PORT" --http-interface 127.0.0.1

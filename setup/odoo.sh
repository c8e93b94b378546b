#!/usr/bin/env bash
# Run Odoo from the project's venv with the project's config (.odoo/odoo.conf,
# passed through ODOO_RC so that subcommands take it too):
#   setup/odoo.sh -d mydb -i redu_partnership --stop-after-init
#   setup/odoo.sh shell -d mydb
#   setup/odoo.sh i18n export -d mydb -l fi_FI redu_partnership
# (setup/install.sh must have run once.)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ -x "$REPO/.venv/bin/odoo" ] || { echo "run setup/install.sh first" >&2; exit 1; }
export ODOO_RC=$REPO/.odoo/odoo.conf
exec "$REPO/.venv/bin/odoo" "$@"

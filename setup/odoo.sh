#!/usr/bin/env bash
# Run Odoo from the project's venv with the project's config:
#   setup/odoo.sh -d mydb -i redu_partnership --stop-after-init
#   setup/odoo.sh shell -d mydb
# (setup/install.sh must have run once.)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ -x "$REPO/.venv/bin/odoo" ] || { echo "run setup/install.sh first" >&2; exit 1; }
case "${1:-}" in
    shell|i18n|db|module|populate|neutralize|scaffold|help|cloc|deploy|obfuscate|start|upgrade_code)
        cmd=$1; shift
        exec "$REPO/.venv/bin/odoo" "$cmd" -c "$REPO/.odoo/odoo.conf" "$@" ;;
    *)
        exec "$REPO/.venv/bin/odoo" -c "$REPO/.odoo/odoo.conf" "$@" ;;
esac

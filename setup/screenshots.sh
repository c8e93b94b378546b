#!/usr/bin/env bash
# Regenerate the README's screenshots (docs/*.png) from the demo database in
# headless Chromium: creates redu_demo if needed (setup/demo_db.sh), starts a
# temporary Odoo on port 8070, runs setup/screenshots.py, stops the server.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
DB=${DEMO_DB:-redu_demo}
PORT=${SHOTS_HTTP_PORT:-8070}

setup/install.sh >/dev/null
setup/demo_db.sh "$DB"
setup/odoo.sh -d "$DB" --db-filter "^${DB}\$" --http-port "$PORT" --http-interface 127.0.0.1 \
    --log-level=warn >"$REPO/.odoo/screenshots-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 60); do
    curl -fs "http://127.0.0.1:$PORT/web/login" >/dev/null 2>&1 && break
    sleep 1
done
.venv/bin/python setup/screenshots.py --url "http://127.0.0.1:$PORT" --db "$DB" --out docs

#!/usr/bin/env bash
# Prepare this machine for the REDU addons: system packages, PostgreSQL, a
# Python venv (.venv) with Odoo 19.0 and our requirements, and .odoo/odoo.conf.
# Idempotent: a second run checks and reuses what is there.
#
# Where Odoo comes from, in order:
#   1. ODOO_SRC, a local Odoo 19.0 source checkout (default /opt/odoo/19.0);
#   2. the official odoo/odoo 19.0 source at ODOO_COMMIT, downloaded from GitHub
#      into .odoo/src.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo/19.0}
ODOO_COMMIT=f1e68e16fbba124fd0b7fab4721b4ce8e61acb7b
VENV=$REPO/.venv
STATE=$REPO/.odoo
CONF=$STATE/odoo.conf

say() { printf '[install] %s\n' "$*"; }
die() { printf '[install] ERROR: %s\n' "$*" >&2; exit 1; }

mkdir -p "$STATE"

# ---------------------------------------------------------------- Odoo source
is_odoo19() { [ -f "$1/odoo/release.py" ] && grep -q "^version_info = (19, 0" "$1/odoo/release.py"; }

if is_odoo19 "$ODOO_SRC"; then
    :
elif is_odoo19 "$STATE/src"; then
    ODOO_SRC=$STATE/src
else
    say "no Odoo 19.0 source at ODOO_SRC=$ODOO_SRC; downloading odoo/odoo@$ODOO_COMMIT"
    url=https://github.com/odoo/odoo/archive/$ODOO_COMMIT.tar.gz
    tmp=$(mktemp -d)
    if curl -fsSL --connect-timeout 20 "$url" -o "$tmp/odoo.tar.gz" \
        && mkdir -p "$STATE/src" \
        && tar -xzf "$tmp/odoo.tar.gz" -C "$STATE/src" --strip-components=1 \
        && is_odoo19 "$STATE/src"; then
        ODOO_SRC=$STATE/src
        rm -rf "$tmp"
    else
        rm -rf "$tmp" "$STATE/src"
        die "Odoo 19.0 source not found at ODOO_SRC=${ODOO_SRC} and the download of
  $url failed.
  Put an Odoo 19.0 source checkout on this machine and point ODOO_SRC at it, e.g.
    git clone --depth 1 -b 19.0 https://github.com/odoo/odoo /opt/odoo/19.0
    ODOO_SRC=/opt/odoo/19.0 setup/test.sh"
    fi
fi
ODOO_SRC=$(cd "$ODOO_SRC" && pwd)

# ------------------------------------------------------------ the interpreter
# PYTHON, or else Debian's own Python 3 (/usr/bin/python3, the interpreter Odoo's own Debian package runs on),
# or else the first python3 on the PATH. Debian builds its interpreter with profile-guided and link-time
# optimisation: on it, the 20,000-row import of setup/bench/bench_import.py took 16-18 % less time than on an
# interpreter built without them, pyenv's default build (docs/scaling.md, round 7 of #22).
system_python=()
if [ -z "${PYTHON:-}" ] && [ -x /usr/bin/python3 ] \
    && /usr/bin/python3 -c 'import sys; sys.exit(sys.version_info[:2] < (3, 10))' 2>/dev/null; then
    PYTHON=/usr/bin/python3
    # its venv module and its headers (psycopg2 and python-ldap are compiled against them)
    system_python=(python3-venv python3-dev)
fi
PY=${PYTHON:-python3}
PY=$(command -v "$PY") || die "no Python interpreter '${PYTHON:-python3}'"

# ----------------------------------------------------------- system packages
# build deps of psycopg2 / python-ldap, PostgreSQL client tools, Chromium for tours
need=()
for pkg in libldap2-dev libsasl2-dev libpq-dev postgresql-client chromium "${system_python[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    say "installing Debian packages: ${need[*]}"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
        || die "apt-get install ${need[*]} failed; install them by hand and re-run"
fi

# ----------------------------------------------------------------- PostgreSQL
pg_ok() { psql -d postgres -Atc 'select 1' >/dev/null 2>&1 || psql -h 127.0.0.1 -d postgres -Atc 'select 1' >/dev/null 2>&1; }
if ! pg_isready -q && ! pg_isready -q -h 127.0.0.1; then
    if command -v pg_ctlcluster >/dev/null; then
        say "PostgreSQL is down; starting the local clusters"
        while read -r ver name _; do
            pg_ctlcluster "$ver" "$name" start || true
        done < <(pg_lsclusters -h)
        sleep 2
    fi
    pg_isready -q || pg_isready -q -h 127.0.0.1 \
        || die "PostgreSQL is not running on the local socket or 127.0.0.1:5432, and could not be started. Start it (e.g. 'pg_ctlcluster 15 main start') and re-run."
fi
if ! pg_ok; then
    me=$(id -un)
    say "creating PostgreSQL role '$me'"
    if [ "$(id -u)" -eq 0 ]; then
        su postgres -c "createuser --superuser '$me'" \
            || die "could not create the PostgreSQL role '$me'; run: sudo -u postgres createuser --superuser $me"
    else
        sudo -u postgres createuser --superuser "$me" \
            || die "could not create the PostgreSQL role '$me'; run: sudo -u postgres createuser --superuser $me"
    fi
    pg_ok || die "PostgreSQL does not accept connections from role '$me' (check pg_hba.conf: local trust)"
fi
[ "$(id -un)" = "postgres" ] && die "Odoo refuses the database user 'postgres'; run as another user."

# ---------------------------------------------------------------------- venv
# Two stamps: Odoo's requirements (slow, rarely changed) and the project's
# requirements.txt (quick); a change of the latter reinstalls only that file.
stamp_odoo=$( { cat "$ODOO_SRC/requirements.txt"; echo "$ODOO_SRC"; echo "$PY"; } | sha256sum | cut -d' ' -f1)
stamp_project=$(sha256sum < "$REPO/requirements.txt" | cut -d' ' -f1)
pip=("$VENV/bin/python" -m pip install -q)
# cbor2 (an Odoo requirement) imports pkg_resources when built: setuptools<81,
# also inside pip's isolated build environments (PIP_BUILD_CONSTRAINT with pip >= 25.3,
# PIP_CONSTRAINT with older pips).
cons=$STATE/build-constraints.txt
if [ -x "$VENV/bin/python" ] && [ "$(cat "$VENV/.redu-stamp" 2>/dev/null)" = "$stamp_odoo" ] \
    && "$VENV/bin/python" -c 'import odoo.release' 2>/dev/null; then
    odoo_ok=1
else
    odoo_ok=0
    "$PY" -c 'import sys; sys.exit(sys.version_info[:2] < (3, 10))' \
        || die "Odoo 19 needs Python >= 3.10 (found $($PY --version))"
    # a venv of another interpreter (an earlier default) is made anew
    if [ -x "$VENV/bin/python" ] && [ "$(readlink -f "$("$VENV/bin/python" -c 'import sys; print(sys._base_executable)')")" \
        != "$(readlink -f "$PY")" ]; then
        say "the venv at $VENV is of another interpreter: making it anew with $PY"
        rm -rf "$VENV"
    fi
    [ -x "$VENV/bin/python" ] || { say "creating $VENV ($("$PY" --version))"; "$PY" -m venv "$VENV"; }
    echo 'setuptools<81' > "$cons"
    say "installing Odoo's requirements (first run takes a few minutes)"
    "${pip[@]}" --upgrade pip wheel 'setuptools<81'
    PIP_CONSTRAINT=$cons PIP_BUILD_CONSTRAINT=$cons "${pip[@]}" -r "$ODOO_SRC/requirements.txt"
    # Odoo 19's `odoo` is a namespace package: a compat editable install
    "${pip[@]}" --no-deps -e "$ODOO_SRC" --config-settings editable_mode=compat
fi
if [ "$odoo_ok" = 1 ] && [ "$(cat "$VENV/.redu-stamp-project" 2>/dev/null)" = "$stamp_project" ] \
    && [ -x "$VENV/bin/pre-commit" ]; then
    say "venv up to date ($VENV)"
else
    echo 'setuptools<81' > "$cons"
    say "installing the project's requirements (requirements.txt)"
    # after Odoo's: oca-odoo-pre-commit-hooks needs polib 1.2 where Odoo pins 1.1.1 (the
    # same API); pip reports that conflict and goes on
    PIP_CONSTRAINT=$cons PIP_BUILD_CONSTRAINT=$cons "${pip[@]}" -r "$REPO/requirements.txt" \
        || die "pip install -r $REPO/requirements.txt failed"
    "$VENV/bin/python" -c 'import odoo.release, phonenumbers, stdnum, websocket' \
        || die "the venv at $VENV is incomplete"
    for tool in pre-commit ruff pylint oca-checks-odoo-module oca-checks-po; do
        [ -x "$VENV/bin/$tool" ] || die "the venv at $VENV has no $tool"
    done
    echo "$stamp_odoo" > "$VENV/.redu-stamp"
    echo "$stamp_project" > "$VENV/.redu-stamp-project"
fi

# ------------------------------------------------------------------ odoo.conf
cat > "$CONF.new" <<CONF
[options]
addons_path = $ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$REPO
data_dir = $STATE/data
admin_passwd = admin
http_interface = 127.0.0.1
http_port = ${ODOO_HTTP_PORT:-8069}
db_user = $(id -un)
list_db = True
CONF
if cmp -s "$CONF.new" "$CONF"; then rm "$CONF.new"; else mv "$CONF.new" "$CONF"; say "wrote $CONF"; fi
echo "$ODOO_SRC" > "$STATE/odoo_src"

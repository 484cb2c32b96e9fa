#!/usr/bin/env bash
# `make run`: ensure prerequisites + local PostgreSQL, build, migrate, seed, serve.
#
# Env contract:
#   ConnectionStrings__Portal            if set: used as-is (no local cluster); migrations use
#                                        ConnectionStrings__PortalMigrations if set, else the same string.
#   YIYANG_DEMO_PASSWORD                 optional, passed through to `seed`.
#   ASPNETCORE_URLS                      optional, default http://127.0.0.1:5000
#   ASPNETCORE_ENVIRONMENT               optional, default Production (no stack traces); a developer may set Development
#   Portal__Audit__Keys__<id>            optional; otherwise one key generated on the first run, kept in .local/audit-key
#   Portal__Seals__KeyEncryptionKey      optional; otherwise one key generated on the first run, kept in .local/seal-key
# Otherwise a persistent cluster lives in .local/pg (port 55432), role passwords in .local/pg-secrets.env.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bash .ci/prereqs.sh

if [[ -n "${ConnectionStrings__Portal:-}" ]]; then
  echo "run: using ConnectionStrings__Portal from the environment (no local cluster)"
  export ConnectionStrings__PortalMigrations="${ConnectionStrings__PortalMigrations:-$ConnectionStrings__Portal}"
else
  # shellcheck source=pg.sh
  source .ci/pg.sh
  pgdir=$root/.local/pg
  port=55432
  secrets=$pgdir/../pg-secrets.env
  mkdir -p "$root/.local"
  if ! pg_exists "$pgdir"; then
    echo "run: creating PostgreSQL cluster in .local/pg (port $port)"
    rm -f -- "$secrets"
    pg_create "$pgdir" "$port"
  fi
  pg_start "$pgdir"
  if [[ ! -f $secrets ]]; then
    (umask 077; {
      echo "YIYANG_OWNER_PASSWORD=$(pg_new_password)"
      echo "YIYANG_APP_PASSWORD=$(pg_new_password)"
    } > "$secrets.tmp")
    mv -f -- "$secrets.tmp" "$secrets"
  fi
  # shellcheck disable=SC1090
  source "$secrets"
  # Idempotent: (re)create roles/database and (re)apply the stored passwords.
  pg_psql "$pgdir" postgres \
    -v owner_pw="$YIYANG_OWNER_PASSWORD" -v app_pw="$YIYANG_APP_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE yiyang_owner' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'yiyang_owner') \gexec
SELECT 'CREATE ROLE yiyang_app' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'yiyang_app') \gexec
ALTER ROLE yiyang_owner LOGIN PASSWORD :'owner_pw';
ALTER ROLE yiyang_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_pw';
SELECT 'CREATE DATABASE yiyang OWNER yiyang_owner' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'yiyang') \gexec
SQL
  export ConnectionStrings__PortalMigrations="Host=127.0.0.1;Port=$port;Database=yiyang;Username=yiyang_owner;Password=$YIYANG_OWNER_PASSWORD"
  export ConnectionStrings__Portal="Host=127.0.0.1;Port=$port;Database=yiyang;Username=yiyang_app;Password=$YIYANG_APP_PASSWORD"
  export Database__AppRole=yiyang_app
  echo "run: PostgreSQL ready on 127.0.0.1:$port (stays running after the app stops;"
  echo "     'make stop-db' stops it, 'make clean-db' stops and deletes it)"
fi

proj=src/YiyangPortal.Web
config=Release
echo "run: building $proj ($config)"
dotnet build "$proj" -c "$config" --nologo -v quiet -clp:ErrorsOnly
dll=$(dotnet msbuild "$proj" -nologo -getProperty:TargetPath -p:Configuration="$config")
[[ -f $dll ]] || { echo "run: built assembly not found: $dll" >&2; exit 1; }

# Production unless a developer asks for Development: users never see a stack trace (issue 12).
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5000}"
# Plain http on this machine: a Secure cookie would not be sent back over it (production sits behind TLS).
if [[ $ASPNETCORE_URLS == http://* && -z "${Portal__SecureCookies:-}" ]]; then
  export Portal__SecureCookies=false
fi
# The audit chain's key (docs/security.md): kept outside the database, generated once per checkout like the password.
if ! env | grep -q '^Portal__Audit__Keys__'; then
  keyfile=$root/.local/audit-key
  if [[ ! -s $keyfile ]]; then
    (umask 077; head -c 32 /dev/urandom | base64 > "$keyfile")
  fi
  export Portal__Audit__Keys__local1="$(cat "$keyfile")"
fi
# The seal keys' encryption key (ADR 017): kept outside the database and the repository, generated once per checkout.
if [[ -z "${Portal__Seals__KeyEncryptionKey:-}" ]]; then
  sealkeyfile=$root/.local/seal-key
  if [[ ! -s $sealkeyfile ]]; then
    (umask 077; head -c 32 /dev/urandom | base64 > "$sealkeyfile")
  fi
  export Portal__Seals__KeyEncryptionKey="$(cat "$sealkeyfile")"
fi
cd "$proj"   # content root

echo "run: applying migrations"
dotnet "$dll" migrate
echo "run: seeding demo data"
# The demo password: YIYANG_DEMO_PASSWORD when set; otherwise one generated on the first run and kept in
# .local/ (git-ignored), so every later `make run` can print it again.
if [[ -z "${YIYANG_DEMO_PASSWORD:-}" ]]; then
  pwfile=$root/.local/demo-password
  if [[ ! -s $pwfile ]]; then
    # (no `tr </dev/urandom | head`: tr's SIGPIPE would abort the script under pipefail)
    (umask 077; head -c 600 /dev/urandom | LC_ALL=C tr -dc 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789' | cut -c1-16 > "$pwfile")
  fi
  YIYANG_DEMO_PASSWORD=$(cat "$pwfile")
  export YIYANG_DEMO_PASSWORD
fi
dotnet "$dll" seed
echo "run: demo password (accounts created by this checkout's first run): $YIYANG_DEMO_PASSWORD"

base=${ASPNETCORE_URLS%%;*}
echo "run: serving on $ASPNETCORE_URLS  (Ctrl-C to stop)"
echo "run: open $base/shaoxing/ (绍兴市), $base/wenzhou/ (温州市), or $base/login for the platform admin"
exec dotnet "$dll"

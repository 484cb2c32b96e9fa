# Sourced by the scale benchmarks (.ci/bench-dashboard.sh, .ci/bench-fulfilment.sh), one copy of what they share:
# a throwaway database `$db` on the cluster in `$pgdir` (created on port `$bench_pg_port` when missing) with roles of its
# own, the Release build of the web app (`$proj`, `$dll`), the environment that serves it in Production on `$port`, and
# a cleanup on exit that stops the app and drops the database unless BENCH_KEEP_DB=1. Sets `$pgport`, `$work`,
# `$app_pid` (empty), `$reuse` (1 when BENCH_REUSE_DB=1 found a kept database).
# shellcheck shell=bash
if ! pg_exists "$pgdir"; then
  echo "bench: creating PostgreSQL cluster in $pgdir (port $bench_pg_port)"
  pg_create "$pgdir" "$bench_pg_port"
fi
pg_start "$pgdir"
pgport=$(pg_port "$pgdir")
work=$(mktemp -d)
app_pid=
cleanup() {
  if [[ -n $app_pid ]]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [[ ${BENCH_KEEP_DB:-} != 1 ]]; then
    pg_psql "$pgdir" postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
    echo "bench: dropped database $db"
  fi
  rm -rf -- "$work"
}
trap cleanup EXIT

# Roles of their own (the cluster may be shared); new passwords every run.
owner_pw=$(pg_new_password); app_pw=$(pg_new_password)
pg_psql "$pgdir" postgres -v owner_pw="$owner_pw" -v app_pw="$app_pw" <<'SQL'
SELECT 'CREATE ROLE yiyang_bench_owner' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'yiyang_bench_owner') \gexec
SELECT 'CREATE ROLE yiyang_bench_app' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'yiyang_bench_app') \gexec
ALTER ROLE yiyang_bench_owner LOGIN PASSWORD :'owner_pw';
ALTER ROLE yiyang_bench_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_pw';
SQL
reuse=0
if [[ ${BENCH_REUSE_DB:-} == 1 ]] && pg_psql "$pgdir" postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
  reuse=1
else
  pg_psql "$pgdir" postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db OWNER yiyang_bench_owner"
fi

proj=src/YiyangPortal.Web
echo "bench: building $proj (Release)"
dotnet build "$proj" -c Release --nologo -v quiet -clp:ErrorsOnly
dll=$(dotnet msbuild "$proj" -nologo -getProperty:TargetPath -p:Configuration=Release)

export ConnectionStrings__PortalMigrations="Host=127.0.0.1;Port=$pgport;Database=$db;Username=yiyang_bench_owner;Password=$owner_pw"
export ConnectionStrings__Portal="Host=127.0.0.1;Port=$pgport;Database=$db;Username=yiyang_bench_app;Password=$app_pw"
export Database__AppRole=yiyang_bench_app
export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port"
export Portal__SecureCookies=false Portal__Sweep__Enabled=false Portal__LogFile=
export Portal__Audit__Keys__bench="$(head -c 32 /dev/urandom | base64)"
export Portal__Seals__KeyEncryptionKey="$(head -c 32 /dev/urandom | base64)"
# The demo accounts' password for this database: kept beside it only while it is kept (BENCH_KEEP_DB).
pwfile=$root/.local/bench-$db-password
if [[ $reuse == 1 && -s $pwfile ]]; then
  YIYANG_DEMO_PASSWORD=$(cat "$pwfile")
else
  YIYANG_DEMO_PASSWORD=$(pg_new_password)
  mkdir -p "$root/.local"; (umask 077; echo "$YIYANG_DEMO_PASSWORD" > "$pwfile")
fi
export YIYANG_DEMO_PASSWORD

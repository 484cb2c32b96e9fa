#!/usr/bin/env bash
# `make bench-dashboard`: the regulator dashboard at national scale (docs/performance.md, issues 6 and 13).
# Builds a throwaway database on a local cluster (migrate, demo seed, .ci/seed-scale.sql, VACUUM ANALYZE), serves the
# app from it in Production on a spare port as the non-owner app role, signs in with curl and runs wrk on the
# dashboard; prints the load average and p50/p90/p95/p99/max, then stops the app and drops the database.
#
# Env (all optional):
#   BENCH_PG_DIR      cluster folder (.ci/pg.sh layout); default .local/pg, created/started on port 55432 like `make run`
#   BENCH_DB          database name, default yiyang_scale (dropped first and at the end)
#   BENCH_KEEP_DB=1   keep the database at the end; BENCH_REUSE_DB=1 reuse a kept one (skips building the data)
#   BENCH_PORT        app port, default 5077
#   BENCH_ACCOUNT     default city@shaoxing.demo (city-level 民政局); minzheng@shaoxing.demo for a county
#   BENCH_SECONDS     wrk duration, default 20; BENCH_CONNECTIONS default 1
#   BENCH_PAGE        a file to keep the dashboard's HTML in (to compare the figures of two versions)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# shellcheck source=pg.sh
source .ci/pg.sh
pgdir=$(realpath -m -- "${BENCH_PG_DIR:-$root/.local/pg}")
db=${BENCH_DB:-yiyang_scale}
port=${BENCH_PORT:-5077}
account=${BENCH_ACCOUNT:-city@shaoxing.demo}
seconds=${BENCH_SECONDS:-20}
connections=${BENCH_CONNECTIONS:-1}
[[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "bench: BENCH_DB must be a plain identifier" >&2; exit 2; }
command -v wrk >/dev/null || { echo "bench: wrk is missing (sudo apt-get install wrk)" >&2; exit 1; }

if ! pg_exists "$pgdir"; then
  echo "bench: creating PostgreSQL cluster in $pgdir (port 55432)"
  pg_create "$pgdir" 55432
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

cd "$proj"   # content root
dotnet "$dll" migrate
if [[ $reuse == 0 ]]; then
  echo "bench: demo seed"
  dotnet "$dll" seed > "$work/seed.log" 2>&1 || { tail -n 30 "$work/seed.log" >&2; exit 1; }
  grep '^Demo data:' "$work/seed.log" || true
  echo "bench: .ci/seed-scale.sql (about a minute, then VACUUM ANALYZE)"
  pg_psql "$pgdir" "$db" -f "$root/.ci/seed-scale.sql"
fi

dotnet "$dll" > "$work/app.log" 2>&1 &
app_pid=$!
base=http://127.0.0.1:$port
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$base/health/ready" && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 0.5
done

# Sign in: the login form's antiforgery token and cookie, then the form post; keep the cookies for wrk.
jar=$work/cookies
token=$(curl -fsS -c "$jar" "$base/shaoxing/login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n1)
[[ -n $token ]] || { echo "bench: no antiforgery token on the login page" >&2; exit 1; }
curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "Email=$account" \
  --data-urlencode "Password=$YIYANG_DEMO_PASSWORD" --data-urlencode "__RequestVerificationToken=$token" "$base/shaoxing/login"
cookie=$(awk -F'\t' '{ sub(/^#HttpOnly_/, "", $1) } $1 !~ /^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
url=$base/shaoxing/regulator/dashboard
status=$(curl -s -o "$work/page.html" -w '%{http_code}' -H "Cookie: $cookie" "$url")
[[ $status == 200 ]] && grep -q 'data-testid="uncovered"' "$work/page.html" \
  || { echo "bench: $url answered $status, not the dashboard" >&2; exit 1; }
[[ -z ${BENCH_PAGE:-} ]] || cp "$work/page.html" "$BENCH_PAGE"

cat > "$work/pct.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("p%d %.1f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max %.1f ms\n", latency.max / 1000))
end
LUA
# CPU time (ms) of processes, from /proc: what a request costs whatever else the machine runs.
cpu_ms() {
  local ticks=0 p
  for p in "$@"; do
    [[ -r /proc/$p/stat ]] && ticks=$((ticks + $(awk '{ print $14 + $15 }' "/proc/$p/stat")))
  done
  echo $((ticks * 1000 / $(getconf CLK_TCK)))
}
backends() { pg_psql "$pgdir" postgres -tAc "SELECT pid FROM pg_stat_activity WHERE datname = '$db' AND usename = 'yiyang_bench_app'"; }
echo "bench: warm-up (5 s)"
wrk -t1 -c1 -d5s -H "Cookie: $cookie" "$url" > /dev/null
echo "bench: $(git -C "$root" rev-parse --short HEAD), $account, $(date -u '+%Y-%m-%d %H:%M UTC'), before: $(uptime)"
mapfile -t pids < <(backends)
app_before=$(cpu_ms "$app_pid"); db_before=$(cpu_ms "${pids[@]}")
wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/pct.lua" -H "Cookie: $cookie" "$url" | tee "$work/wrk.txt"
app_used=$(( $(cpu_ms "$app_pid") - app_before ))
mapfile -t after < <(backends)
db_used=$(( $(cpu_ms "${after[@]}") - db_before ))   # a backend opened during the run counts from zero
requests=$(sed -n 's/^requests \([0-9]*\),.*/\1/p' "$work/wrk.txt")
echo "bench: after: $(uptime)"
if [[ ${requests:-0} -gt 0 ]]; then
  awk -v a="$app_used" -v d="$db_used" -v n="$requests" \
    'BEGIN { printf "bench: CPU per request: app %.1f ms, PostgreSQL %.1f ms (%d requests)\n", a / n, d / n, n }'
fi

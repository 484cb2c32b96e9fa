#!/usr/bin/env bash
# The request-path benchmark (issue 13, docs/performance.md "Request path"): the staff's agreement list against
# /health/ready in the same wrk run, on this checkout's Release build in Production mode against a demo database.
#
#   bash .ci/bench-list.sh            # build, migrate, seed, serve on a spare port, sign in, warm up, measure, stop
#   BENCH_KEEP=1 bash .ci/bench-list.sh   # leave the app running afterwards (its pid is printed)
#
# Env: BENCH_PORT (app, 5090), BENCH_PG_PORT (55490; the cluster lives in .local/pg-bench, apart from `make run`'s),
# BENCH_PGDIR (another checkout's .local/pg-bench, to measure two commits against one database: its secrets file, demo
# password and keys are taken from beside it), BENCH_ROUNDS (2), BENCH_SECONDS (15), BENCH_CONNECTIONS (16),
# BENCH_WARMUP (seconds per URL before measuring, 15: the JIT's second tier settles in that time on a busy machine),
# BENCH_USER (staff@shaoxing.demo), BENCH_TARGET (the page measured against /health/ready, shaoxing/agreements).
# Prints `uptime` before each round: the machine is shared, and the load decides how much the figures mean. After each
# wrk run it prints the CPU time per request of the app and of PostgreSQL (all its processes, ended ones included),
# from /proc/<pid>/stat before and after: that figure hardly depends on the load, where req/s does.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
app_port=${BENCH_PORT:-5090}
pg_port=${BENCH_PG_PORT:-55490}
rounds=${BENCH_ROUNDS:-2}
seconds=${BENCH_SECONDS:-15}
connections=${BENCH_CONNECTIONS:-16}
user=${BENCH_USER:-staff@shaoxing.demo}
target_page=${BENCH_TARGET:-shaoxing/agreements}
base=http://127.0.0.1:$app_port
command -v wrk >/dev/null || { echo "bench: wrk not found (apt-get install wrk)" >&2; exit 1; }

# shellcheck source=pg.sh
source .ci/pg.sh
pgdir=${BENCH_PGDIR:-$root/.local/pg-bench}
pgdir=$(realpath -m -- "$pgdir")
local_dir=$(dirname "$pgdir") # .local of the checkout that owns the cluster
secrets=$local_dir/pg-bench-secrets.env
mkdir -p "$root/.local" "$local_dir"
pg_exists "$pgdir" || { rm -f -- "$secrets"; pg_create "$pgdir" "$pg_port"; }
pg_start "$pgdir"
if [[ ! -f $secrets ]]; then
  (umask 077; {
    echo "BENCH_OWNER_PASSWORD=$(pg_new_password)"
    echo "BENCH_APP_PASSWORD=$(pg_new_password)"
  } > "$secrets")
fi
# shellcheck disable=SC1090
source "$secrets"
pg_psql "$pgdir" postgres -v owner_pw="$BENCH_OWNER_PASSWORD" -v app_pw="$BENCH_APP_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE yiyang_owner' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'yiyang_owner') \gexec
SELECT 'CREATE ROLE yiyang_app' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'yiyang_app') \gexec
ALTER ROLE yiyang_owner LOGIN PASSWORD :'owner_pw';
ALTER ROLE yiyang_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_pw';
SELECT 'CREATE DATABASE yiyang OWNER yiyang_owner' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'yiyang') \gexec
SQL
port=$(pg_port "$pgdir")
export ConnectionStrings__PortalMigrations="Host=127.0.0.1;Port=$port;Database=yiyang;Username=yiyang_owner;Password=$BENCH_OWNER_PASSWORD"
export ConnectionStrings__Portal="Host=127.0.0.1;Port=$port;Database=yiyang;Username=yiyang_app;Password=$BENCH_APP_PASSWORD"
export Database__AppRole=yiyang_app
export ASPNETCORE_URLS=$base
export Portal__Sweep__Enabled=false # the daily sweep's start-up run would fall into the measurement
# One set of keys and one demo password per database (run-local.sh would otherwise make a checkout's own).
for pair in audit-key:Portal__Audit__Keys__local1 seal-key:Portal__Seals__KeyEncryptionKey demo-password:YIYANG_DEMO_PASSWORD; do
  file=$local_dir/${pair%%:*} var=${pair#*:}
  if [[ -s $file && -z ${!var:-} ]]; then export "$var=$(cat "$file")"; fi
done

# make run's own path (Release, Production, migrate, seed, serve), in the background.
log=$root/.local/bench-app.log
bash .ci/run-local.sh > "$log" 2>&1 &
app=$!
stop_app() { if [[ -z ${BENCH_KEEP:-} ]]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi; }
trap stop_app EXIT
for _ in $(seq 1 600); do
  curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null && break
  kill -0 "$app" 2>/dev/null || { echo "bench: the app stopped; see $log" >&2; tail -n 20 "$log" >&2; exit 1; }
  sleep 1
done
password=${YIYANG_DEMO_PASSWORD:-$(cat "$root/.local/demo-password")}
warmup=${BENCH_WARMUP:-15}

# Sign in as the browser does: the form's antiforgery token and cookie, then the POST.
jar=$(mktemp)
token=$(curl -fsS -c "$jar" -b "$jar" "$base/shaoxing/login" \
  | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n1)
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$user" --data-urlencode "Password=$password" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/shaoxing/login"
cookie=$(awk '$6 ~ /^yiyang\./ { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar")
rm -f -- "$jar"
[[ $cookie == *yiyang.auth=* ]] || { echo "bench: sign-in as $user failed" >&2; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/shaoxing/agreements")
[[ $status == 200 ]] || { echo "bench: /shaoxing/agreements answered $status" >&2; exit 1; }

# CPU time (ms) of a process tree: utime + stime of each live process, plus cutime + cstime of the root (the
# children it has reaped: PostgreSQL's ended backends). Clock ticks → ms.
tick_ms=$((1000 / $(getconf CLK_TCK)))
tree_cpu_ms() {
  local root=$1 pids=("$1") i=0 total=0 stat
  while ((i < ${#pids[@]})); do
    mapfile -t -O "${#pids[@]}" pids < <(pgrep -P "${pids[i]}" || true)
    i=$((i + 1))
  done
  for pid in "${pids[@]}"; do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    read -r -a f <<< "${stat##*) }" # the fields after the command name: f[11] = utime (field 14), f[14] = cstime (17)
    total=$((total + f[11] + f[12]))
    [[ $pid != "$root" ]] || total=$((total + f[13] + f[14]))
  done
  echo $((total * tick_ms))
}
postmaster=$(head -n1 "$pgdir/data/postmaster.pid")

echo "bench: commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (+ uncommitted changes)'), app pid $app"
wrk -t2 -c"$connections" -d"${warmup}s" -H "Cookie: $cookie" "$base/$target_page" > /dev/null
wrk -t2 -c"$connections" -d"${warmup}s" "$base/health/ready" > /dev/null
for round in $(seq 1 "$rounds"); do
  echo "== round $round: $(uptime)"
  for target in health/ready "$target_page"; do
    echo "-- /$target"
    headers=(); [[ $target == health/* ]] || headers=(-H "Cookie: $cookie")
    app_before=$(tree_cpu_ms "$app") pg_before=$(tree_cpu_ms "$postmaster")
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "${headers[@]}" "$base/$target")
    app_after=$(tree_cpu_ms "$app") pg_after=$(tree_cpu_ms "$postmaster")
    grep -E 'Requests/sec|^ +(50|90|99)%|Socket errors|Non-2xx' <<< "$out"
    requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' <<< "$out")
    awk -v n="$requests" -v a=$((app_after - app_before)) -v p=$((pg_after - pg_before)) \
      'BEGIN { printf "CPU per request: app %.2f ms, PostgreSQL %.2f ms (%d requests)\n", a / n, p / n, n }'
  done
done

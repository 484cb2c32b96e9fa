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

bench_pg_port=55432
# shellcheck source=bench-db.sh
source .ci/bench-db.sh

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

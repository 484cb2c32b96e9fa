#!/usr/bin/env bash
# `make bench-fulfilment`: fulfilment at national scale (issue 15, ADR 034, docs/performance.md). Builds a throwaway
# database on a cluster of its own (migrate, demo seed, .ci/seed-scale.sql: 100,000 agreements, then
# .ci/seed-fulfilment.sql: ~11 million service records in month partitions and their totals, VACUUM ANALYZE), serves the
# app from it in Production as the non-owner app role and runs wrk on the regulators' 履约监管 page (city level, then a
# county bureau with its institutions) and on a party's fulfilment view (the demo clinic's agreement); prints the load
# average and p50/p90/p95/p99/max of each, then stops the app and drops the database.
#
# Env (all optional):
#   BENCH_PG_DIR      cluster folder (.ci/pg.sh layout); default .local/pg-bench-fulfilment, created on port 55495
#   BENCH_DB          database name, default yiyang_fulfilment (dropped first and at the end)
#   BENCH_KEEP_DB=1   keep the database at the end; BENCH_REUSE_DB=1 reuse a kept one (skips building the data)
#   BENCH_PORT        app port, default 5095
#   BENCH_SECONDS     wrk duration per page, default 20; BENCH_CONNECTIONS default 1
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# shellcheck source=pg.sh
source .ci/pg.sh
pgdir=$(realpath -m -- "${BENCH_PG_DIR:-$root/.local/pg-bench-fulfilment}")
db=${BENCH_DB:-yiyang_fulfilment}
port=${BENCH_PORT:-5095}
seconds=${BENCH_SECONDS:-20}
connections=${BENCH_CONNECTIONS:-1}
[[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "bench: BENCH_DB must be a plain identifier" >&2; exit 2; }
if ! command -v wrk >/dev/null; then
  # Like .ci/prereqs.sh: install it when root, else say how.
  if [[ $(id -u) -eq 0 ]]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else echo "bench: wrk is missing (sudo apt-get install -y wrk)" >&2; exit 1; fi
fi

bench_pg_port=55495
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
  echo "bench: .ci/seed-fulfilment.sql (~11 million service records; several minutes)"
  pg_psql "$pgdir" "$db" -v ON_ERROR_STOP=1 -f "$root/.ci/seed-fulfilment.sql"
fi

dotnet "$dll" > "$work/app.log" 2>&1 &
app_pid=$!
base=http://127.0.0.1:$port
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$base/health/ready" && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 0.5
done

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

# Sign in as $1: the login form's antiforgery token and cookie, then the form post; prints the cookie header for wrk.
sign_in() {
  local jar=$work/cookies-$1 token
  token=$(curl -fsS -c "$jar" "$base/shaoxing/login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n1)
  [[ -n $token ]] || { echo "bench: no antiforgery token on the login page" >&2; exit 1; }
  curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "Email=$1" \
    --data-urlencode "Password=$YIYANG_DEMO_PASSWORD" --data-urlencode "__RequestVerificationToken=$token" "$base/shaoxing/login"
  awk -F'\t' '{ sub(/^#HttpOnly_/, "", $1) } $1 !~ /^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}

# wrk on $2 as $1 after a 5 s warm-up, the page checked for $3 first.
measure() {
  local account=$1 url=$base$2 marker=$3 cookie status
  cookie=$(sign_in "$account")
  status=$(curl -s -o "$work/page.html" -w '%{http_code}' -H "Cookie: $cookie" "$url")
  [[ $status == 200 ]] && grep -q "$marker" "$work/page.html" || { echo "bench: $url answered $status without $marker" >&2; exit 1; }
  wrk -t1 -c1 -d5s -H "Cookie: $cookie" "$url" > /dev/null
  echo "bench: $2 as $account, $(git -C "$root" rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'), before: $(uptime)"
  wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/pct.lua" -H "Cookie: $cookie" "$url" | grep -E '^(requests|p[0-9]+|max)'
  echo "bench: after: $(uptime)"
}

# The party's view: the demo clinic's agreement with the most records, in its latest month with records.
read -r agreement month clinic < <(pg_psql "$pgdir" "$db" -tA -F ' ' -c "
  SELECT r.agreement_id, to_char(max(r.service_date), 'YYYY-MM'), (SELECT u.user_name FROM users u JOIN agreements a ON a.medical_institution_id = u.medical_institution_id
      WHERE a.id = r.agreement_id ORDER BY u.user_name LIMIT 1)
  FROM service_records r JOIN agreements a ON a.id = r.agreement_id WHERE a.document_number NOT LIKE 'SC-%'
  GROUP BY r.agreement_id ORDER BY count(*) DESC LIMIT 1")
[[ -n ${agreement:-} ]] || { echo "bench: no demo agreement with service records" >&2; exit 1; }
pg_psql "$pgdir" "$db" -tA -c "SELECT 'bench: ' || count(*) || ' service records in ' || (SELECT count(*) FROM pg_inherits WHERE inhparent = 'service_records'::regclass) || ' partitions, ' || (SELECT count(*) FROM fulfilment_totals) || ' plan lines' FROM service_records"

measure city@shaoxing.demo /shaoxing/regulator/fulfilment 'data-testid="county-table"'
measure minzheng@shaoxing.demo /shaoxing/regulator/fulfilment 'data-testid="institution-table"'
measure "$clinic" "/shaoxing/agreements/$agreement/fulfilment?month=$month" 'data-testid="fulfilment"'

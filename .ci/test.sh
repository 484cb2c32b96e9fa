#!/usr/bin/env bash
# `make test`: throwaway PostgreSQL cluster + `dotnet test` + TRX summary.
# Exports for the test fixtures:
#   YIYANG_TEST_ADMIN_CONNECTION  superuser connection string (Database=postgres) of the throwaway cluster
#   YIYANG_CHROMIUM               chromium executable (default /usr/bin/chromium)
# Last line printed is always "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

summary() { echo "$1 passed, $2 failed"; }

bash .ci/prereqs.sh --browser || { summary 0 1; exit 1; }
# shellcheck source=pg.sh
source .ci/pg.sh

port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    ss -Hltn "sport = :$1" 2>/dev/null | grep -q . && return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
port=
start=$(( RANDOM % 1000 ))
for i in $(seq 0 999); do
  p=$(( 56000 + (start + i) % 1000 ))
  if ! port_in_use "$p"; then port=$p; break; fi
done
[[ -n $port ]] || { echo "test: no free port in 56000-56999" >&2; summary 0 1; exit 1; }

pgdir=$root/.local/pgtest-$$
cleanup() { pg_destroy "$pgdir" >/dev/null 2>&1 || true; }
trap cleanup EXIT
trap "exit 130" INT TERM
mkdir -p "$root/.local"
if ! { pg_create "$pgdir" "$port" test && pg_start "$pgdir"; }; then
  cleanup; summary 0 1; exit 1
fi
echo "test: throwaway PostgreSQL on 127.0.0.1:$port"

export YIYANG_TEST_ADMIN_CONNECTION="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres;Password=$(pg_superuser_password "$pgdir")"
export YIYANG_CHROMIUM="${YIYANG_CHROMIUM:-/usr/bin/chromium}"

run_id=$(date +%Y%m%d-%H%M%S)-$$
results=$root/.local/test-results/$run_id
rm -rf -- "$results"
mkdir -p -- "$results"

set +e
dotnet test YiyangPortal.sln -c Debug --logger "trx" --results-directory "$results"
rc=$?
set -e

cleanup   # tear down before the summary so nothing prints after it

total=0 passed=0 failed=0
# attr NAME TAG -> numeric attribute value (0 if absent)
attr() { local v; v=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2" | head -n1); echo "${v:-0}"; }
shopt -s nullglob globstar
trx_files=("$results"/**/*.trx)
for f in "${trx_files[@]}"; do
  while IFS= read -r c; do
    total=$(( total + $(attr total "$c") ))
    passed=$(( passed + $(attr passed "$c") ))
    # errors and timeouts count as failures too
    failed=$(( failed + $(attr failed "$c") + $(attr error "$c") + $(attr timeout "$c") ))
  done < <(grep -o '<Counters [^>]*>' "$f" || true)
done

if (( failed > 0 )); then
  echo "Failed tests:"
  for f in "${trx_files[@]}"; do
    grep -o '<UnitTestResult [^>]*outcome="\(Failed\|Error\|Timeout\)"[^>]*>' "$f" || true
  done | sed -n 's/.* testName="\([^"]*\)".*/  \1/p' \
       | sed 's/&quot;/"/g; s/&apos;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' | sort -u
fi

echo "test: ${#trx_files[@]} TRX file(s), $total total, results in ${results#"$root"/}"
if (( passed == 0 )); then
  [[ $rc -ne 0 ]] && echo "test: dotnet test exited with $rc and no test passed (build failure?)"
  (( failed == 0 )) && echo "test: no tests ran"
  summary 0 $(( failed > 0 ? failed : 1 ))
  exit 1
fi
if (( rc != 0 && failed == 0 )); then
  echo "test: dotnet test exited with $rc"
  failed=1
fi
summary "$passed" "$failed"
(( failed == 0 ))

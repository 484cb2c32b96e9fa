#!/usr/bin/env bash
# `make stop-db` / `make clean-db`: stop, or stop and delete, the local dev cluster
# (.local/pg + .local/pg-secrets.env); clean also removes leftover test clusters.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=pg.sh
source .ci/pg.sh

case "${1:-}" in
  stop)
    if pg_running .local/pg; then pg_stop .local/pg; echo "db: stopped .local/pg"; else echo "db: .local/pg not running"; fi
    ;;
  clean)
    shopt -s nullglob
    for d in .local/pg .local/pgtest-*; do
      [[ -d $d ]] || continue
      pg_destroy "$d"
      echo "db: deleted $d"
    done
    rm -f .local/pg-secrets.env .local/pg-secrets.env.tmp
    ;;
  *) echo "usage: $0 stop|clean" >&2; exit 2 ;;
esac

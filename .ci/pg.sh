# shellcheck shell=bash
# PostgreSQL throwaway/dev cluster helpers. Source this file; do not execute it.
#
# Cluster folder layout (DIR is inside the repo, under .local/):
#   DIR/data/               PGDATA
#   DIR/postgres.log        server log (pg_ctl -l)
#   DIR/.s.PGSQL.<port>     unix socket (unix_socket_directories = DIR)
#   DIR/superuser-password  password of superuser 'postgres' (0600, owned by the invoking user)
# TCP: 127.0.0.1:<port> only, scram-sha-256. Unix socket: trust.
# As root, server commands run as OS user 'postgres' (initdb refuses root) and DIR is chowned to it.

pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [[ -z $d || ! -x $d/initdb ]]; then
    echo "pg.sh: no PostgreSQL server under /usr/lib/postgresql/*/bin (run .ci/prereqs.sh)" >&2
    return 1
  fi
  printf '%s\n' "$d"
}

# Run a command as the cluster owner (postgres when we are root).
_pg_as() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

pg_new_password() { head -c 48 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | cut -c1-32; }

_pg_abs() { realpath -m -- "$1"; }

pg_exists() { [[ -f "$(_pg_abs "$1")/data/PG_VERSION" ]]; }

pg_port() { sed -n 's/^port = \([0-9]*\).*/\1/p' "$(_pg_abs "$1")/data/postgresql.conf" | tail -n1; }

pg_superuser_password() { cat "$(_pg_abs "$1")/superuser-password"; }

# pg_create DIR PORT [test]  -- no-op if a cluster already exists in DIR.
pg_create() {
  local dir port mode bin pw
  dir=$(_pg_abs "$1"); port=$2; mode=${3:-dev}
  pg_exists "$dir" && return 0
  bin=$(pg_bindir)
  rm -rf -- "$dir"
  mkdir -p -- "$dir"
  chmod 700 "$dir"
  pw=$(pg_new_password)
  (umask 077; printf '%s\n' "$pw" > "$dir/superuser-password")
  (umask 077; printf '%s\n' "$pw" > "$dir/.initdb-pw")
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$dir" "$dir/.initdb-pw"
  fi
  local locale=C.UTF-8
  locale -a 2>/dev/null | grep -qix 'c.utf-\?8' || locale=C
  if ! _pg_as "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/.initdb-pw" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale="$locale" \
      --no-instructions >/dev/null; then
    rm -f -- "$dir/.initdb-pw"
    echo "pg.sh: initdb failed for $dir" >&2
    return 1
  fi
  rm -f -- "$dir/.initdb-pw"
  {
    echo ""
    echo "# --- yiyang dev/test settings (.ci/pg.sh) ---"
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    echo "unix_socket_directories = '$dir'"
    echo "max_connections = 200"
    echo "shared_buffers = 128MB"
    echo "password_encryption = 'scram-sha-256'"
    echo "log_min_messages = warning"
    if [[ $mode == test ]]; then
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >> "$dir/data/postgresql.conf"
}

pg_running() {
  local dir bin
  dir=$(_pg_abs "$1"); bin=$(pg_bindir)
  pg_exists "$dir" && _pg_as "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

pg_start() {
  local dir bin
  dir=$(_pg_abs "$1"); bin=$(pg_bindir)
  pg_running "$dir" && return 0
  if ! _pg_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start >/dev/null; then
    echo "pg.sh: PostgreSQL failed to start ($dir); last log lines:" >&2
    tail -n 20 "$dir/postgres.log" >&2 || true
    return 1
  fi
}

pg_stop() {
  local dir bin
  dir=$(_pg_abs "$1"); bin=$(pg_bindir)
  pg_running "$dir" || return 0
  _pg_as "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
}

pg_destroy() {
  local dir
  dir=$(_pg_abs "$1")
  [[ -d $dir ]] || return 0
  pg_stop "$dir" || true
  rm -rf -- "$dir"
}

# pg_psql DIR DBNAME [psql args...]  -- superuser over the unix socket (trust).
pg_psql() {
  local dir db bin
  dir=$(_pg_abs "$1"); db=$2; shift 2
  bin=$(pg_bindir)
  PGOPTIONS= PGPASSWORD= "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$(pg_port "$dir")" -U postgres -d "$db" "$@"
}

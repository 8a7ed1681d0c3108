#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, from Debian's server binaries.
#
#   scripts/postgres-test-cluster.sh start DIR PORT   # initdb into DIR/data, start, wait until ready
#   scripts/postgres-test-cluster.sh restart DIR      # pg_ctl restart -m fast (drops every connection)
#   scripts/postgres-test-cluster.sh stop DIR         # pg_ctl stop -m fast; DIR stays (rm -rf it yourself)
#   scripts/postgres-test-cluster.sh resume DIR       # start a stopped cluster again, wait until ready
#   scripts/postgres-test-cluster.sh status DIR
#
# The server listens on 127.0.0.1:PORT only, with its unix socket in DIR, fsync off. Roles:
#   postgres  superuser, no password: trust over the unix socket in DIR only
#   arena     password 'secret-pw' (scram-sha-256), owner of database arena: over TCP the
#             password is always required, so PGPASSWORD / .pgpass / wrong passwords can be tested
#   URL:      postgres://arena@127.0.0.1:PORT/arena
#
# initdb and postgres refuse to run as root: as root, every server command runs as the OS user
# $PG_TEST_OS_USER (default postgres, created by Debian's postgresql package) via runuser, and
# DIR is handed to that user. DIR's parent directories must then be searchable by that user.
# The binaries are the newest /usr/lib/postgresql/*/bin, or $PG_BIN.
set -euo pipefail

role="${PG_TEST_ROLE:-arena}"
password="${PG_TEST_PASSWORD:-secret-pw}"
database="${PG_TEST_DATABASE:-arena}"
os_user="${PG_TEST_OS_USER:-postgres}"

die() { echo "postgres-test-cluster: $*" >&2; exit 1; }

usage() { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local newest
  newest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$newest" ] && [ -x "$newest/initdb" ] && { echo "$newest"; return; }
  command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ] && { pg_config --bindir; return; }
  die "no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql, or set PG_BIN"
}

# Runs a command as the cluster's owner: ourselves, or $os_user when we are root.
as_owner() {
  if [ "$(id -u)" != 0 ]; then "$@"
  elif command -v runuser >/dev/null; then runuser -u "$os_user" -- "$@"
  else su -s /bin/sh "$os_user" -c "$(printf '%q ' "$@")"
  fi
}

absolute() { mkdir -p "$1" && (cd "$1" && pwd -P); }

start() {
  local dir port bin
  [ $# -eq 2 ] || usage
  dir="$(absolute "$1")"; port="$2"
  [[ "$port" =~ ^[0-9]+$ ]] || die "PORT must be a number: $port"
  [ ${#dir} -le 90 ] || die "DIR is too long for a unix socket path (max 90 characters): $dir"
  [ ! -e "$dir/data/PG_VERSION" ] || die "$dir/data already holds a cluster (stop it and remove $dir first)"
  bin="$(find_bin)"
  cd /   # the owner may not be allowed into our working directory

  if [ "$(id -u)" = 0 ]; then
    id "$os_user" >/dev/null 2>&1 || die "running as root needs the OS user '$os_user' (apt-get install postgresql, or set PG_TEST_OS_USER)"
    chown "$os_user" "$dir"
    as_owner test -w "$dir" || die "user '$os_user' cannot reach $dir: its parent directories must be searchable (chmod o+x)"
  fi
  chmod 700 "$dir"

  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }

  as_owner tee "$dir/data/pg_hba.conf" >/dev/null <<HBA
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  scram-sha-256
HBA
  as_owner tee -a "$dir/data/postgresql.conf" >/dev/null <<CONF

# postgres-test-cluster.sh: a throwaway test server
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
password_encryption = 'scram-sha-256'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
max_connections = 60
CONF

  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null; then
    tail -n 20 "$dir/server.log" >&2 || true
    die "the server did not start on 127.0.0.1:$port (log: $dir/server.log)"
  fi

  as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE \"$role\" LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE \"$database\" OWNER \"$role\"" >/dev/null \
    || die "could not create role $role and database $database"

  echo "postgres://$role@127.0.0.1:$port/$database"
}

data_dir() {
  [ $# -eq 1 ] || usage
  local dir
  dir="$(cd "$1" 2>/dev/null && pwd -P)" || die "no such directory: $1"
  [ -e "$dir/data/PG_VERSION" ] || die "no cluster in $dir"
  echo "$dir/data"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop)
    shift; data="$(data_dir "$@")"; cd /
    if [ -e "$data/postmaster.pid" ]; then as_owner "$(find_bin)/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null; fi ;;
  resume)
    shift; data="$(data_dir "$@")"; cd /
    as_owner "$(find_bin)/pg_ctl" -D "$data" -l "$(dirname "$data")/server.log" -w -t 60 start >/dev/null ;;
  restart)
    shift; data="$(data_dir "$@")"; cd /
    as_owner "$(find_bin)/pg_ctl" -D "$data" -l "$(dirname "$data")/server.log" -m fast -w -t 60 restart >/dev/null ;;
  status)
    shift; data="$(data_dir "$@")"; cd /
    as_owner "$(find_bin)/pg_ctl" -D "$data" status ;;
  *) usage ;;
esac

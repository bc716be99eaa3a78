#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on 127.0.0.1 for the calibration-database tests and prints
# its connection string on the last line. Idempotent: a server already started by this script is
# reused. Installs Debian's postgresql when run as root and it is missing.
#   PARALLAX_PG_PORT  port to listen on (default 54329)
#   PARALLAX_PG_DIR   data folder (default /tmp/parallax-pg-$PORT)
# Use:  export PARALLAX_TEST_POSTGRES="$(bash scripts/start-postgres.sh | tail -n 1)"
set -euo pipefail
port="${PARALLAX_PG_PORT:-54329}"
dir="${PARALLAX_PG_DIR:-/tmp/parallax-pg-$port}"
conn="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Timeout=5"

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing postgresql (Debian package)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  else
    echo "start-postgres: PostgreSQL is not installed and this is not root; the PostgreSQL tests will be skipped" >&2
    exit 1
  fi
fi

# The server refuses to run as root: run it as the postgres user when we are root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if as_pg "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  echo "$conn"
  exit 0
fi
if [ ! -f "$dir/PG_VERSION" ]; then
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  as_pg "$bindir/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null
fi
as_pg "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null
echo "$conn"

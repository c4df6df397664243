#!/bin/sh
# Start a throw-away PostgreSQL for the sync server tests and print its URL:
#   export LIAISON_TEST_PG_URL="$(scripts/ci-postgres.sh)"
# Installs Debian's postgresql package when missing (CI runs as root). The cluster lives in a
# temporary directory, runs as the postgres user and listens on loopback only. fsync is off
# (tests need no durability) unless LIAISON_PG_FSYNC=on (the load benchmark).
set -eu
PORT="${LIAISON_PG_PORT:-55432}"
DIR="${LIAISON_PG_DIR:-/tmp/liaison-pg}"
# A database per checkout: test runs of two checkouts on one machine never empty each
# other's tables.
NAME="${LIAISON_PG_DB:-liaison_test_$(pwd -P | cksum | cut -d' ' -f1)}"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
as_pg() {
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
if [ ! -f "$DIR/PG_VERSION" ]; then
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_pg "'$BIN/initdb' -D '$DIR' -U postgres -A trust -E UTF8 --no-locale" >&2
fi
if ! as_pg "'$BIN/pg_ctl' -D '$DIR' status" >/dev/null 2>&1; then
    as_pg "'$BIN/pg_ctl' -D '$DIR' -l '$DIR/server.log' -w -o \"-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=${LIAISON_PG_FSYNC:-off} -c max_connections=300\" start" >&2
fi
as_pg "'$BIN/psql' -h 127.0.0.1 -p $PORT -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname='$NAME'\"" | grep -q 1 \
    || as_pg "'$BIN/createdb' -h 127.0.0.1 -p $PORT -U postgres '$NAME'" >&2
echo "postgresql://postgres@127.0.0.1:$PORT/$NAME"

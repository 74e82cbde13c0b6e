#!/usr/bin/env bash
# A throwaway PostgreSQL for the store's tests: installs the Debian package when it is missing,
# starts a fresh server on 127.0.0.1:${COMMUNIQUE_PG_PORT:-54329} and creates the database that
# .ci/run points COMMUNIQUE_TEST_PG at. Safe to run twice; needs root (CI runs as root).
set -euo pipefail
PORT=${COMMUNIQUE_PG_PORT:-54329}
DATA=${COMMUNIQUE_PG_DATA:-/tmp/communique-pg-$PORT}

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { su postgres -s /bin/bash -c "$*"; }

if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    rm -rf "$DATA"
    install -d -o postgres -g postgres "$DATA"
    as_pg "'$BIN/initdb' -D '$DATA' -U postgres --auth=trust -E UTF8 --locale=C >/dev/null"
    as_pg "'$BIN/pg_ctl' -D '$DATA' -l '$DATA/server.log' -w start \
        -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off -c max_connections=200'" >/dev/null
fi
psql=("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt)
if [ -z "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'communique'")" ]; then
    "${psql[@]}" -c "CREATE ROLE communique LOGIN SUPERUSER PASSWORD 'communique'"
fi
if [ -z "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'communique_test'")" ]; then
    "${psql[@]}" -c "CREATE DATABASE communique_test OWNER communique"
fi
echo "PostgreSQL ready on 127.0.0.1:$PORT (database communique_test)"

#!/usr/bin/env bash
# Backup and restore, tested: the packaged API fills a database (the demo data and more, through
# the API), backup.sh dumps it while the API runs, restore.sh restores the dump into a fresh
# server, and every table's row count and checksum must match the original's.
#
#   scripts/backup-restore-test.sh [api/target/quarkus-app/quarkus-run.jar]
#
# Needs a JDK 21+ and the PostgreSQL 17 client tools (pg_dump, pg_restore, psql; on Debian 12,
# which packages only 15, pg-common.sh fetches Debian 13's). Without them it
# says how to install them and is skipped (exit 0) unless BACKUP_TEST_REQUIRED=1 is set.
# Run by ./mvnw verify (integration-test phase).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/pg-common.sh
. scripts/test-issuer.sh
if ! require_pg_bin; then
  echo "Backup test SKIPPED: no PostgreSQL $PG_MAJOR client tools."
  [ "${BACKUP_TEST_REQUIRED:-0}" = 1 ] && exit 1
  exit 0
fi
unset QUARKUS_OIDC_AUTH_SERVER_URL QUARKUS_OIDC_TOKEN_ISSUER QUARKUS_DATASOURCE_JDBC_URL PGHOST PGPORT PGDATABASE
JAVA="${JAVA_BIN:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
JAR="$(readlink -f "${1:-api/target/quarkus-app/quarkus-run.jar}")"
[ -f "$JAR" ] || { echo "backup test: no packaged API at $JAR" >&2; exit 2; }
APP="$(dirname "$JAR")"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kyoso-backup-XXXXXX")"
PIDS=()

cleanup() {
  local status=$? pid
  set +e
  stop_test_issuer
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null
  done
  for pidfile in "$WORK"/pg*/postmaster.pid; do
    [ -f "$pidfile" ] && kill -9 "$(head -1 "$pidfile")" 2>/dev/null
  done
  [ "$status" -ne 0 ] && tail -n 30 "$WORK"/*.log 2>/dev/null
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK/classes"
"${JAVA%java}javac" -nowarn -d "$WORK/classes" -cp "$APP/lib/main/*" scripts/CrashTest.java
helper() { "$JAVA" -cp "$WORK/classes:$APP/lib/main/*" CrashTest "$@"; }

start_db() { # NAME PORT
  KYOSO_DATA_DIR="$WORK/$1" KYOSO_DATABASE_PORT="$2" "$JAVA" -jar "$JAR" database >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do
    grep -q "Kyoso: embedded PostgreSQL" "$WORK/$1.log" && return 0
    sleep 0.2
  done
  echo "backup test: PostgreSQL $1 did not start" >&2; return 1
}

# Row count and checksum of every table (rows hashed in a stable order).
table_checksums() {
  local tables t
  tables="$("$PG_BIN/psql" -X -Atc "select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables
             where schemaname not in ('pg_catalog', 'information_schema') order by 1")"
  for t in $tables; do
    "$PG_BIN/psql" -X -Atc "select '$t', count(*), md5(coalesce(string_agg(h, '' order by h), ''))
                             from (select md5(x::text) h from $t x) s"
  done
}

read -r SRC_PORT DST_PORT HTTP_PORT ISSUER_PORT <<<"$(helper free-port 4)"
start_db pg-source "$SRC_PORT"
start_test_issuer "$ISSUER_PORT" "$WORK/issuer.log"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$SRC_PORT/postgres" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=postgres KYOSO_DEMO_DATA=true QUARKUS_OIDC_AUTH_SERVER_URL="http://localhost:$ISSUER_PORT/realms/kyoso" \
  QUARKUS_HTTP_PORT="$HTTP_PORT" KYOSO_RATE_LIMIT_WRITES_PER_MINUTE=1000000 "$JAVA" -jar "$JAR" >"$WORK/api.log" 2>&1 &
PIDS+=($!)
export KYOSO_BASE="http://localhost:$HTTP_PORT" KYOSO_ISSUER="http://localhost:$ISSUER_PORT/realms/kyoso"
helper wait-http "$KYOSO_BASE/api/v1/municipalities" 180
# More than the demo data: organisations, listings, plans, items and bulk statuses through the API.
CRASH_WORKERS=8 helper setup "$WORK/state.json"
CRASH_WORKERS=8 helper burst "$WORK/state.json" "$WORK/journal.jsonl" fill 3 | grep -v '^ack'

# The backup, taken while the API is running (it is idle now, so the source stays comparable).
scripts/backup.sh --url "postgresql://postgres:postgres@localhost:$SRC_PORT/postgres" "$WORK/kyoso.dump"

# Restore into a fresh server, then compare every table.
start_db pg-restored "$DST_PORT"
scripts/restore.sh --url "postgresql://postgres:postgres@localhost:$DST_PORT/kyoso_restored" --create "$WORK/kyoso.dump"
PGHOST=localhost PGPORT="$SRC_PORT" PGUSER=postgres PGDATABASE=postgres table_checksums >"$WORK/source.txt"
PGHOST=localhost PGPORT="$DST_PORT" PGUSER=postgres PGDATABASE=kyoso_restored table_checksums >"$WORK/restored.txt"
if ! diff "$WORK/source.txt" "$WORK/restored.txt"; then
  echo "backup test FAILED: the restored database differs from the original (above)" >&2
  exit 1
fi
TABLES="$(wc -l <"$WORK/source.txt")"
ROWS="$(awk -F'|' '{s += $2} END {print s}' "$WORK/source.txt")"
echo "backup test passed: $TABLES tables, $ROWS rows, identical row counts and checksums after restore"

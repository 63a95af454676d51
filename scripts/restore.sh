#!/usr/bin/env bash
# Restores a backup made by backup.sh into a fresh, empty database.
#
#   scripts/restore.sh [--url postgresql://USER:PASSWORD@HOST:PORT/DB | --compose] [--create] FILE
#
# The target (same connection options as backup.sh) must hold no tables yet: restore.sh never
# overwrites data. --create first creates the target database on that server. The restore runs
# in one transaction (all or nothing); objects end up owned by the user who restores, which
# should be the user the API connects as. Start the API only after the restore: it then finds
# the schema at the right Flyway version and migrates nothing.
#
# For the demo's embedded server: stop the demo, start just the database on a fresh data
# directory (KYOSO_DATA_DIR=... KYOSO_DATABASE_PORT=5433 java -jar api/target/quarkus-app/quarkus-run.jar database),
# restore with --url postgresql://postgres@localhost:5433/postgres, stop it (Ctrl-C) and start
# the demo with that KYOSO_DATA_DIR.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/pg-common.sh"

URL="" COMPOSE=0 CREATE=0 FILE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --url) URL="$2"; shift 2 ;;
    --compose) COMPOSE=1; shift ;;
    --create) CREATE=1; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) FILE="$1"; shift ;;
  esac
done
[ -n "$FILE" ] && [ -f "$FILE" ] || { echo "usage: scripts/restore.sh [--url URL | --compose] [--create] FILE" >&2; exit 2; }

COUNT_TABLES="select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')"
if [ "$COMPOSE" = 1 ]; then
  COMPOSE_FILE="${COMPOSE_FILE:-$HERE/../docker/compose.yaml}"
  DC=(docker compose -f "$COMPOSE_FILE" exec -T db)
  TARGET="${KYOSO_RESTORE_DB:-kyoso}"
  [ "$CREATE" = 1 ] && "${DC[@]}" createdb -U kyoso "$TARGET"
  n="$("${DC[@]}" psql -U kyoso -d "$TARGET" -Atc "$COUNT_TABLES")"
  [ "$n" = 0 ] || { echo "Database $TARGET already has $n tables: restore only into a fresh database." >&2; exit 1; }
  "${DC[@]}" pg_restore -U kyoso -d "$TARGET" --no-owner --no-privileges --exit-on-error --single-transaction <"$FILE"
else
  require_pg_bin
  resolve_connection "$URL"
  if [ "$CREATE" = 1 ]; then
    "$PG_BIN/createdb" --maintenance-db=postgres "$PGDATABASE"
  fi
  n="$("$PG_BIN/psql" -X -Atc "$COUNT_TABLES")"
  [ "$n" = 0 ] || { echo "$(describe_connection) already has $n tables: restore only into a fresh database." >&2; exit 1; }
  echo "Restoring $FILE into $(describe_connection)"
  "$PG_BIN/pg_restore" --dbname="$PGDATABASE" --no-owner --no-privileges --exit-on-error --single-transaction "$FILE"
fi
echo "Restored $FILE"

#!/usr/bin/env bash
# Backs up the Kyoso database with pg_dump (custom format: compressed, restorable table by table).
#
#   scripts/backup.sh [--url postgresql://USER:PASSWORD@HOST:PORT/DB | --compose] [FILE]
#
# FILE defaults to backups/kyoso-YYYYMMDD-HHMMSS.dump. Without --url the connection comes from
# QUARKUS_DATASOURCE_JDBC_URL (+ _USERNAME/_PASSWORD), then PGHOST/PGPORT/PGUSER/PGPASSWORD/
# PGDATABASE, then the demo's embedded server (found through $KYOSO_DATA_DIR/postmaster.pid).
# --compose dumps the compose `db` service from inside its container (docker/compose.yaml).
# The dump is a consistent snapshot taken while the API keeps running. It is written to a
# temporary file, checked with pg_restore --list, then moved into place.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/pg-common.sh"

URL="" COMPOSE=0 FILE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --url) URL="$2"; shift 2 ;;
    --compose) COMPOSE=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) FILE="$1"; shift ;;
  esac
done
FILE="${FILE:-backups/kyoso-$(date +%Y%m%d-%H%M%S).dump}"
mkdir -p "$(dirname "$FILE")"
TMP="$FILE.partial"
trap 'rm -f "$TMP"' EXIT

if [ "$COMPOSE" = 1 ]; then
  COMPOSE_FILE="${COMPOSE_FILE:-$HERE/../docker/compose.yaml}"
  echo "Backing up the compose db service (database kyoso) to $FILE"
  docker compose -f "$COMPOSE_FILE" exec -T db pg_dump -U kyoso -d kyoso --format=custom >"$TMP"
  docker compose -f "$COMPOSE_FILE" exec -T db pg_restore --list <"$TMP" >/dev/null
else
  require_pg_bin
  resolve_connection "$URL"
  echo "Backing up $(describe_connection) to $FILE (pg_dump $("$PG_BIN/pg_dump" --version | awk '{print $3}'))"
  if ! "$PG_BIN/pg_dump" --format=custom --file="$TMP" 2>"$TMP.err"; then
    cat "$TMP.err" >&2; rm -f "$TMP.err"
    echo "pg_dump failed. If it reports a server version mismatch, install newer client tools:" >&2
    echo "$PG_INSTALL_HINT" >&2
    exit 1
  fi
  rm -f "$TMP.err"
  "$PG_BIN/pg_restore" --list "$TMP" >/dev/null
fi
mv "$TMP" "$FILE"
echo "Backup written: $FILE ($(du -h "$FILE" | cut -f1))"

# Shared by backup.sh, restore.sh and backup-restore-test.sh (sourced, not run).
#
# Finds the PostgreSQL client tools and works out which database to talk to. The connection is
# taken from the first of these that is set:
#   --url postgresql://USER:PASSWORD@HOST:PORT/DATABASE      (or KYOSO_DB_URL)
#   QUARKUS_DATASOURCE_JDBC_URL (+ QUARKUS_DATASOURCE_USERNAME / _PASSWORD), as the API is configured
#   PGHOST / PGPORT / PGUSER / PGPASSWORD / PGDATABASE      (libpq's own variables)
#   otherwise the demo's embedded server: its port is read from $KYOSO_DATA_DIR/postmaster.pid
#   (default ~/.kyoso/data), user and database postgres.
# --compose runs the tools inside the compose `db` service instead (docker compose exec).

# The newest pg_dump/pg_restore/psql on PATH or in /usr/lib/postgresql/*/bin (a pg_dump must be
# at least as new as the server it dumps).
find_pg_bin() {
  local best="" best_major=0 dir tool major
  for dir in "$(dirname "$(command -v pg_dump 2>/dev/null || echo /nonexistent/x)")" /usr/lib/postgresql/*/bin /usr/pgsql-*/bin /opt/homebrew/opt/postgresql*/bin /usr/local/opt/postgresql*/bin; do
    tool="$dir/pg_dump"
    [ -x "$tool" ] || continue
    major="$("$tool" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)?.*/\1/')"
    if [ "$major" -gt "$best_major" ] 2>/dev/null; then best="$dir"; best_major="$major"; fi
  done
  echo "$best"
}

PG_INSTALL_HINT="pg_dump, pg_restore and psql come with the PostgreSQL client tools, which must be at least
as new as the server (16 for the compose setup, 14 or newer for the embedded one):
  Debian/Ubuntu:  sudo apt-get install postgresql-client
  RHEL/Fedora:    sudo dnf install postgresql
  macOS:          brew install libpq && brew link --force libpq
or use --compose to run them inside the compose db container."

require_pg_bin() {
  PG_BIN="$(find_pg_bin)"
  if [ -z "$PG_BIN" ]; then
    echo "No pg_dump found (looked on PATH and in /usr/lib/postgresql/*/bin)." >&2
    echo "$PG_INSTALL_HINT" >&2
    return 1
  fi
}

# Sets PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE from the sources above (exported for libpq).
resolve_connection() {
  local url="${1:-${KYOSO_DB_URL:-}}"
  if [ -z "$url" ] && [ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
    url="${QUARKUS_DATASOURCE_JDBC_URL#jdbc:}"
    url="${url%%\?*}"
    export PGUSER="${QUARKUS_DATASOURCE_USERNAME:-${PGUSER:-}}" PGPASSWORD="${QUARKUS_DATASOURCE_PASSWORD:-${PGPASSWORD:-}}"
  fi
  if [ -n "$url" ]; then
    # postgresql://[user[:password]@]host[:port]/database
    local rest="${url#postgres*://}" auth="" hostport db
    if [[ "$rest" == *@* ]]; then auth="${rest%%@*}"; rest="${rest#*@}"; fi
    hostport="${rest%%/*}"; db="${rest#*/}"; db="${db%%\?*}"
    if [ -n "$auth" ]; then
      export PGUSER="${auth%%:*}"
      [[ "$auth" == *:* ]] && export PGPASSWORD="${auth#*:}"
    fi
    export PGHOST="${hostport%%:*}"
    [[ "$hostport" == *:* ]] && export PGPORT="${hostport##*:}" || export PGPORT=5432
    export PGDATABASE="$db"
    return 0
  fi
  if [ -n "${PGHOST:-}${PGPORT:-}${PGDATABASE:-}" ]; then
    return 0
  fi
  local pidfile="${KYOSO_DATA_DIR:-$HOME/.kyoso/data}/postmaster.pid"
  if [ -f "$pidfile" ]; then
    export PGHOST=localhost PGPORT="$(sed -n 4p "$pidfile")" PGUSER=postgres PGDATABASE=postgres
    return 0
  fi
  echo "Which database? Pass --url postgresql://USER:PASSWORD@HOST:PORT/DATABASE, set" >&2
  echo "QUARKUS_DATASOURCE_JDBC_URL or PGHOST/PGPORT/PGDATABASE, use --compose, or start the demo" >&2
  echo "(./mvnw -Pdemo) so that its embedded server is found in ${KYOSO_DATA_DIR:-$HOME/.kyoso/data}." >&2
  return 1
}

describe_connection() {
  echo "postgresql://${PGUSER:-$USER}@${PGHOST:-localhost}:${PGPORT:-5432}/${PGDATABASE:-}"
}

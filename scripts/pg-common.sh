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

# The client tools must be of the server's major version or newer: the embedded server, compose
# and the Kubernetes manifests all run PostgreSQL 17.
PG_MAJOR="${KYOSO_PG_MAJOR:-17}"
PG_TOOLS_DIR="${KYOSO_PG_TOOLS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.tools/postgresql-$PG_MAJOR}"

pg_major_of() { "$1" --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/'; }

# The newest pg_dump/pg_restore/psql on PATH, in /usr/lib/postgresql/*/bin or fetched into
# scripts/.tools (see fetch_pg_client), if it is at least $PG_MAJOR; empty otherwise.
find_pg_bin() {
  local best="" best_major=0 dir tool major
  for dir in "$(dirname "$(command -v pg_dump 2>/dev/null || echo /nonexistent/x)")" /usr/lib/postgresql/*/bin /usr/pgsql-*/bin /opt/homebrew/opt/postgresql*/bin /usr/local/opt/postgresql*/bin "$PG_TOOLS_DIR/bin"; do
    tool="$dir/pg_dump"
    [ -x "$tool" ] || continue
    major="$(pg_major_of "$tool" 2>/dev/null)"
    if [ "$major" -gt "$best_major" ] 2>/dev/null; then best="$dir"; best_major="$major"; fi
  done
  [ "$best_major" -ge "$PG_MAJOR" ] && echo "$best"
  return 0
}

# Debian 12 (this project's machines) packages only the PostgreSQL 15 client, which refuses to dump
# a 17 server. Debian 13's postgresql-client-17 is fetched with apt from the archive this machine
# already uses, unpacked (not installed) into scripts/.tools/postgresql-17 together with the
# libraries it needs, Debian 13's C library included (it needs glibc 2.38), and run through that
# C library's own loader by small wrappers in scripts/.tools/postgresql-17/bin. About 10 MB, once.
fetch_pg_client() {
  command -v apt-get >/dev/null && command -v dpkg >/dev/null || return 1
  local archive suite="${KYOSO_PG_DEBIAN_SUITE:-trixie}" apt="$PG_TOOLS_DIR.apt" root="$PG_TOOLS_DIR/root" tool
  archive="$({
    awk 'BEGIN{RS=""} /Suites:/ && !/-security/ { for (i = 1; i <= NF; i++) if ($i == "URIs:") { print $(i+1); exit } }' \
      /etc/apt/sources.list.d/*.sources 2>/dev/null
    awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { if ($(i+1) !~ /-security/) print $i; break } }' \
      /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
  } | grep -v security | head -n 1)"
  [ -n "$archive" ] || return 1
  echo "No PostgreSQL $PG_MAJOR client tools here: fetching Debian ${suite}'s postgresql-client-$PG_MAJOR into $PG_TOOLS_DIR" >&2
  rm -rf "$apt" "$PG_TOOLS_DIR"
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs" "$root" "$PG_TOOLS_DIR/bin"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $archive $suite main" > "$apt/sources.list"
  local opts=(-o "Dir::Etc::sourcelist=$apt/sources.list" -o "Dir::Etc::sourceparts=-" -o "Dir::State::Lists=$apt/lists"
    -o "Dir::Cache=$apt/cache" -o "Dir::State::status=/dev/null" -o "APT::Sandbox::User=root")
  apt-get "${opts[@]}" update -qq >/dev/null || return 1
  (cd "$apt/debs" && apt-get "${opts[@]}" download -qq "postgresql-client-$PG_MAJOR" libpq5 libc6 libgcc-s1 libcom-err2 \
    libcrypt1 libgssapi-krb5-2 libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 libldap2 liblz4-1 libreadline8t64 \
    libsasl2-2 libssl3t64 libtinfo6 libzstd1 zlib1g >/dev/null) || return 1
  for deb in "$apt"/debs/*.deb; do dpkg -x "$deb" "$root" || return 1; done
  rm -rf "$apt"
  for tool in pg_dump pg_restore psql createdb dropdb pg_isready; do
    cat > "$PG_TOOLS_DIR/bin/$tool" <<WRAPPER
#!/bin/sh
exec "$root/usr/lib64/ld-linux-x86-64.so.2" --library-path "$root/usr/lib/x86_64-linux-gnu:$root/lib/x86_64-linux-gnu" "$root/usr/lib/postgresql/$PG_MAJOR/bin/$tool" "\$@"
WRAPPER
    chmod +x "$PG_TOOLS_DIR/bin/$tool"
  done
  [ "$(pg_major_of "$PG_TOOLS_DIR/bin/pg_dump" 2>/dev/null)" = "$PG_MAJOR" ]
}

PG_INSTALL_HINT="pg_dump, pg_restore and psql come with the PostgreSQL client tools, which must be
PostgreSQL $PG_MAJOR or newer (the embedded server, compose and Kubernetes run 17):
  Debian 13/Ubuntu 24.10+: sudo apt-get install postgresql-client-17
  Debian 12:      fetched automatically (Debian 13's package, unpacked into scripts/.tools)
  RHEL/Fedora:    sudo dnf install postgresql17
  macOS:          brew install libpq && brew link --force libpq
or use --compose to run them inside the compose db container."

# PG_BIN: the client tools of major $PG_MAJOR or newer, fetched when this machine has none.
require_pg_bin() {
  PG_BIN="$(find_pg_bin)"
  if [ -z "$PG_BIN" ] && fetch_pg_client; then
    PG_BIN="$PG_TOOLS_DIR/bin"
  fi
  if [ -z "$PG_BIN" ]; then
    echo "No pg_dump of PostgreSQL $PG_MAJOR or newer found (looked on PATH, in /usr/lib/postgresql/*/bin and $PG_TOOLS_DIR)." >&2
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

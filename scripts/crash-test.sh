#!/usr/bin/env bash
# Crash test: nothing a client was told is saved may be lost, and nothing may be half-saved.
#
#   scripts/crash-test.sh [api/target/quarkus-app/quarkus-run.jar]
#
# 1. PostgreSQL runs in its own process (`quarkus-run.jar database`: the embedded server with
#    fsync, synchronous_commit and full_page_writes on) and the packaged API runs against it
#    (QUARKUS_DATASOURCE_JDBC_URL), with the demo data and the test-scope issuer (test-issuer.sh).
# 2. A burst of concurrent writes (organisations, listings, and bulk plan status writes of
#    6 rows each, every one with a unique marker); the API is killed with SIGKILL mid-burst and
#    started again; every write that got a 2xx must be there with all its fields, and every
#    write, whatever its answer, must be all or nothing (scripts/CrashTest.java checks through
#    the API and straight in the database).
# 3. The same with the PostgreSQL postmaster killed with SIGKILL mid-burst and restarted while
#    the API keeps running: the API must take writes again on its own (its pool drops the dead
#    connections), and again every 2xx write is intact.
#
# Exits non-zero on any loss. Needs only a JDK 21+ (JAVA_HOME or java on PATH); run by
# `./mvnw verify` (integration-test phase). Working files go to a temporary directory that is
# deleted afterwards (CRASH_KEEP=1 keeps it). CRASH_WORKERS sets the concurrency (default 16).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/test-issuer.sh
# The API under test uses the test-scope issuer and the database started here.
unset QUARKUS_OIDC_AUTH_SERVER_URL QUARKUS_OIDC_TOKEN_ISSUER QUARKUS_DATASOURCE_JDBC_URL
JAVA="${JAVA_BIN:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
JAR="$(readlink -f "${1:-api/target/quarkus-app/quarkus-run.jar}")"
[ -f "$JAR" ] || { echo "crash test: no packaged API at $JAR (build it: ./mvnw -pl api package -DskipTests)" >&2; exit 2; }
APP="$(dirname "$JAR")"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kyoso-crash-XXXXXX")"
API_PID="" DB_PID=""

log() { echo "crash test: $*"; }

postmaster_pid() { head -1 "$WORK/pg/postmaster.pid" 2>/dev/null || true; }

cleanup() {
  local status=$?
  set +e
  [ -n "$API_PID" ] && { kill -9 "$API_PID"; wait "$API_PID"; } 2>/dev/null
  stop_test_issuer
  if [ -n "$DB_PID" ] && kill -0 "$DB_PID" 2>/dev/null; then
    kill -TERM "$DB_PID" 2>/dev/null   # its shutdown hook stops PostgreSQL cleanly
    for _ in $(seq 1 50); do kill -0 "$DB_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$DB_PID" 2>/dev/null
  fi
  local pm; pm="$(postmaster_pid)"
  [ -n "$pm" ] && kill -9 "$pm" 2>/dev/null
  if [ "$status" -ne 0 ]; then
    echo "--- last lines of the API log ---"; tail -n 40 "$WORK/api.log" 2>/dev/null
    echo "--- last lines of the database log ---"; tail -n 20 "$WORK/db.log" 2>/dev/null
  fi
  if [ "${CRASH_KEEP:-0}" = 1 ]; then echo "crash test: working files kept in $WORK"; else rm -rf "$WORK"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The client side, compiled once against the application's own libraries (Jackson, JDBC driver).
mkdir -p "$WORK/classes"
"${JAVA%java}javac" -nowarn -d "$WORK/classes" -cp "$APP/lib/main/*" scripts/CrashTest.java
helper() { "$JAVA" -cp "$WORK/classes:$APP/lib/main/*" CrashTest "$@"; }

read -r DB_PORT HTTP_PORT ISSUER_PORT <<<"$(helper free-port 3)"
export KYOSO_BASE="http://localhost:$HTTP_PORT"
export KYOSO_ISSUER="http://localhost:$ISSUER_PORT/realms/kyoso"
export KYOSO_JDBC_URL="jdbc:postgresql://localhost:$DB_PORT/postgres"
STATE="$WORK/state.json" JOURNAL="$WORK/journal.jsonl"

start_db() {
  local attempt
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    KYOSO_DATA_DIR="$WORK/pg" KYOSO_DATABASE_PORT="$DB_PORT" "$JAVA" -jar "$JAR" database >>"$WORK/db.log" 2>&1 &
    DB_PID=$!
    for _ in $(seq 1 300); do
      if grep -q "Kyoso: embedded PostgreSQL" "$WORK/db.log" 2>/dev/null \
          && [ "$(grep -c "Kyoso: embedded PostgreSQL" "$WORK/db.log")" -ge "$DB_STARTS" ]; then
        return 0
      fi
      kill -0 "$DB_PID" 2>/dev/null || break
      sleep 0.2
    done
    # Back-ends of a killed server may still hold its shared memory for a moment: try again.
    kill -9 "$DB_PID" 2>/dev/null || true
    log "PostgreSQL did not start (attempt $attempt), retrying"
    sleep 1
  done
  echo "crash test: PostgreSQL did not start" >&2; return 1
}

start_api() {
  QUARKUS_DATASOURCE_JDBC_URL="$KYOSO_JDBC_URL" QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
    KYOSO_DEMO_DATA=true QUARKUS_OIDC_AUTH_SERVER_URL="$KYOSO_ISSUER" QUARKUS_HTTP_PORT="$HTTP_PORT" \
    KYOSO_RATE_LIMIT_WRITES_PER_MINUTE=1000000 \
    "$JAVA" -jar "$JAR" >>"$WORK/api.log" 2>&1 &
  API_PID=$!
  local started=$SECONDS
  helper wait-http "$KYOSO_BASE/api/v1/municipalities" 180 || { echo "crash test: the API did not start" >&2; return 1; }
  log "API up in $((SECONDS - started)) s (pid $API_PID)"
}

# Waits until the burst has had writes of every kind acknowledged (half the workers' bulk
# status writes), so that the kill lands mid-burst with writes of every kind in flight.
wait_for_burst() {
  local want=$(( ${CRASH_WORKERS:-16} / 2 ))
  for _ in $(seq 1 600); do
    [ "$(grep -c '^ack plan-statuses' "$1" 2>/dev/null)" -ge "$want" ] && return 0
    sleep 0.1
  done
  log "slow machine: killing after 60 s of burst"
}

T0=$SECONDS
start_test_issuer "$ISSUER_PORT" "$WORK/issuer.log"
DB_STARTS=1; start_db; log "PostgreSQL up on port $DB_PORT (postmaster $(postmaster_pid))"
start_api
helper setup "$STATE"

# --- 1. The API killed mid-burst -------------------------------------------------------------
helper burst "$STATE" "$JOURNAL" api-kill 120 "$WORK/stop1" > "$WORK/burst1.log" &
BURST=$!
wait_for_burst "$WORK/burst1.log"
log "kill -9 the API (pid $API_PID) mid-burst, after $(grep -c '^ack' "$WORK/burst1.log") acknowledged writes"
kill -9 "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=""
sleep 1; touch "$WORK/stop1"
wait "$BURST"; grep -v '^ack' "$WORK/burst1.log"
start_api
helper verify "$STATE" "$JOURNAL"

# --- 2. PostgreSQL killed mid-burst, the API keeps running -----------------------------------
helper burst "$STATE" "$JOURNAL" db-kill 120 "$WORK/stop2" > "$WORK/burst2.log" &
BURST=$!
wait_for_burst "$WORK/burst2.log"
PM="$(postmaster_pid)"
log "kill -9 the PostgreSQL postmaster (pid $PM) mid-burst, after $(grep -c '^ack' "$WORK/burst2.log") acknowledged writes"
kill -9 "$PM"
kill -9 "$DB_PID" 2>/dev/null || true; wait "$DB_PID" 2>/dev/null || true
# Where nothing reaps orphans (some containers' PID 1), the dead postmaster stays a zombie and
# its postmaster.pid would look live to the next start: it is dead, so its lock file goes.
for _ in $(seq 1 30); do [ -e "/proc/$PM" ] || break; sleep 0.1; done
if [ "$(sed -E 's/.*\) ([A-Z]).*/\1/' "/proc/$PM/stat" 2>/dev/null)" = Z ]; then
  log "the killed postmaster stays a zombie here; removing its stale postmaster.pid"
  rm -f "$WORK/pg/postmaster.pid"
fi
sleep 1
DB_STARTS=2; start_db; log "PostgreSQL restarted (postmaster $(postmaster_pid)); the burst goes on for 3 s"
sleep 3; touch "$WORK/stop2"
wait "$BURST"; grep -v '^ack' "$WORK/burst2.log"
helper recover "$STATE" "$JOURNAL" recovery 60
helper verify "$STATE" "$JOURNAL"

log "passed in $((SECONDS - T0)) s: every acknowledged write survived both crashes, none half-applied"

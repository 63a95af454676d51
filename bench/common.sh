# Sourced by the benchmark scripts: strict mode, the repository root, the JDK, the packaged API (built
# first unless BENCH_SKIP_BUILD=1 and a build exists), and start_demo_api for the scripts that need the
# API with the demo data and a token issuer.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f api/target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q -pl api package -DskipTests
fi
APP=api/target/quarkus-app

free_port() { "$JAVA" -cp "$APP/lib/main/*" scripts/CrashTest.java free-port "$@"; }

bench_cleanup() {
  local status=$?
  set +e
  [ -n "${API_PID:-}" ] && kill -TERM "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null
  stop_test_issuer
  [ "$status" -ne 0 ] && tail -n 30 "$WORK/api.log"
  rm -rf "$WORK"
  exit "$status"
}

# start_demo_api "JVM OPTIONS" [NAME=VALUE …]: the packaged API with the demo data, its embedded
# PostgreSQL in $WORK/pg and the test issuer, on free loopback ports; the settings given are added to
# its environment. Sets WORK, HTTP_PORT, ISSUER_PORT and API_PID; everything stops when the script exits.
start_demo_api() {
  local jvm="$1"
  shift
  . scripts/test-issuer.sh
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/kyoso-bench-XXXXXX")"
  API_PID=""
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
  read -r HTTP_PORT ISSUER_PORT <<<"$(free_port 2)"
  start_test_issuer "$ISSUER_PORT" "$WORK/issuer.log"
  # shellcheck disable=SC2086 # the JVM options are words
  env KYOSO_DATA_DIR="$WORK/pg" KYOSO_DEMO_DATA=true QUARKUS_OIDC_AUTH_SERVER_URL="http://localhost:$ISSUER_PORT/realms/kyoso" \
    QUARKUS_HTTP_PORT="$HTTP_PORT" "$@" "$JAVA" $jvm -jar "$APP/quarkus-run.jar" >"$WORK/api.log" 2>&1 &
  API_PID=$!
  "$JAVA" -cp "$APP/lib/main/*" scripts/CrashTest.java wait-http "http://localhost:$HTTP_PORT/api/v1/municipalities" 180
}

#!/usr/bin/env bash
# Load test (a benchmark, not part of ./mvnw verify): the packaged API with its embedded
# PostgreSQL and the demo data, driven by bench/LoadTest.java at concurrency 32 for 60 s with
# a mix of reads (Japanese search, listing search, an organisation, a plan's progress, the event search and
# an event) and writes (posting a listing, replacing an organisation with If-Match). Every user is signed in
# as a different demo identity; the per-user write limit (120/min by default) and the
# anonymous read limit are raised for the run, since a closed loop without think time would
# otherwise be throttled by design. Zero errors are required.
#
#   bench/load.sh                       build the API (skipping tests), then run
#   BENCH_SKIP_BUILD=1 bench/load.sh    reuse api/target/quarkus-app
#   bench/load.sh 32 60                 concurrency and seconds
#   bench/load.sh 32 600                the 10-minute run (resident memory over time)
#   API_JAVA_OPTS="-Xmx512m" bench/load.sh   other JVM options for the API (default: the small
#                                       instance of docs/operations.md, "Memory")
. "$(dirname "$0")/common.sh"
CONCURRENCY="${1:-32}" SECONDS_="${2:-60}"
JVM_OPTIONS="${API_JAVA_OPTS--Xmx128m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k -XX:TrimNativeHeapInterval=5000}"
start_demo_api "$JVM_OPTIONS" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
  KYOSO_RATE_LIMIT_WRITES_PER_MINUTE=1000000 KYOSO_RATE_LIMIT_ANONYMOUS_READS_PER_MINUTE=1000000
echo "Kyoso load test — $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $("$JAVA" -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
echo "The API, its PostgreSQL and the load generator share this machine. API JVM options: $JVM_OPTIONS"
"$JAVA" -Dapi.pid="$API_PID" -Dpostmaster.pid="$(head -1 "$WORK/pg/postmaster.pid")" \
  -cp "$APP/lib/main/*" bench/LoadTest.java "http://localhost:$HTTP_PORT" \
  "http://localhost:$ISSUER_PORT/realms/kyoso" "$CONCURRENCY" "$SECONDS_"

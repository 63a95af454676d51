#!/usr/bin/env bash
# Matching benchmark (not part of ./mvnw verify): a generated municipality with 100,000 OPEN
# haves and needs loaded straight into PostgreSQL, the packaged API started against it, and
# GET /api/v1/listings/{id}/matches?limit=10 measured over HTTP at concurrency 1 and 8, with the
# query plan of the candidate preselection. Everything runs on this machine (loopback only).
#
#   bench/matching.sh                 build the API (skipping tests), then run
#   BENCH_SKIP_BUILD=1 bench/matching.sh   reuse api/target/quarkus-app
#   bench/matching.sh --listings 20000 --requests 500   a smaller run
#
# Needs a JDK 21+ (JAVA_HOME or java on PATH). Working files go to target/bench (deleted first).
. "$(dirname "$0")/common.sh"
exec "$JAVA" -Xmx1g -cp "$APP/app/*:$APP/lib/main/*" bench/MatchingBenchmark.java --app "$APP" "$@"

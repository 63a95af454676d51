#!/usr/bin/env bash
# Scale benchmark (not part of ./mvnw verify): one municipality with 100,000 organisations,
# 1,000,000 haves and needs and 100,000 events generated straight into PostgreSQL, the packaged
# API started against it, every public search measured over HTTP at concurrency 1 (goal: p95 of a
# page of 20 under 50 ms), and the query plans PostgreSQL used (auto_explain) printed, flagging any
# sequential scan of a big table. Loopback only; about 15 minutes and 4 GB of disk in target/bench-scale.
#
#   bench/scale.sh                                   build the API (skipping tests), then run
#   BENCH_SKIP_BUILD=1 bench/scale.sh                reuse api/target/quarkus-app
#   bench/scale.sh --listings 100000 --requests 50   a smaller run
#   bench/scale.sh --hold true                       afterwards keep the API and database up (Enter stops them)
. "$(dirname "$0")/common.sh"
exec "$JAVA" -Xmx1g -cp "$APP/app/*:$APP/lib/main/*" bench/ScaleBenchmark.java --app "$APP" "$@"

#!/usr/bin/env bash
# Key reads against PostgreSQL's own speed (a benchmark, not part of ./mvnw verify): the packaged
# API with its embedded PostgreSQL and the demo data; pgbench -S (one row by key) on that same
# PostgreSQL, then GET /organizations/{id}, /listings/{id}, /events/{id}, /municipalities and
# search pages of 20, each anonymously at the same concurrency, printed as a share of pgbench's
# figure from this run. Loopback only; about 5 minutes. Needs pgbench (postgresql-client).
#
#   bench/key-reads.sh                      build the API (skipping tests), then run
#   BENCH_SKIP_BUILD=1 bench/key-reads.sh   reuse api/target/quarkus-app
#   bench/key-reads.sh 8 10 20              concurrency, seconds per read, warm-up seconds before each
. "$(dirname "$0")/common.sh"
CONCURRENCY="${1:-8}" SECONDS_="${2:-10}" WARMUP="${3:-20}"
start_demo_api "" KYOSO_RATE_LIMIT_ANONYMOUS_READS_PER_MINUTE=100000000
PG_PORT="$(sed -n 4p "$WORK/pg/postmaster.pid")"
export PGHOST=localhost PGPORT="$PG_PORT" PGUSER=postgres PGPASSWORD=postgres
echo "Kyoso key reads — $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), $(pgbench --version), load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
echo "The API, its PostgreSQL and the load generators share this machine."
psql -q -d postgres -c "create database pgbench" >/dev/null
pgbench -q -i -s 10 pgbench >/dev/null 2>&1
pgbench -S -n -c "$CONCURRENCY" -j 2 -T 5 pgbench >/dev/null 2>&1
TPS="$(pgbench -S -n -c "$CONCURRENCY" -j 2 -T "$SECONDS_" pgbench 2>/dev/null | awk '/^tps/ {print $3; exit}')"
"$JAVA" -cp "$APP/lib/main/*" bench/KeyReads.java "http://localhost:$HTTP_PORT" "$TPS" "$CONCURRENCY" "$SECONDS_" "$WARMUP"

#!/usr/bin/env bash
# Replay benchmark: replays a large generated county CSV (default 2,500,000 rows, in the NYT dataset's
# format) unthrottled into an in-process Kafka broker, through the Camel route (app.PipelineMain) and
# through a plain kafka-clients producer loop doing the same parse-and-send, in one JVM, and prints
# rows/s for both and their ratio (target: route/plain >= 0.9).
#
#   bench/replay.sh                      # 2.5M rows, 1M-row warm-up, 2 alternating rounds
#   bench/replay.sh 1000000 --rounds 1   # smaller/faster
#   bench/replay.sh replay.batch-rows=5000 kafka.producer.linger-ms=10   # try other settings (both paths)
#
# The data file is generated once under target/bench/ from samples/nyt-us-counties-2021-02-05_2021-03-06.csv;
# the broker's log dir is a temporary folder under target/, deleted at the end. Takes about 2 minutes on 2 cores.
# Output: one "BENCH ..." line per run, then the RESULT line; Camel's and Kafka's log lines go to the same
# stream (grep '^BENCH' for the figures).
#
# Options: ROWS (rows of the generated file), --rounds N (measured rounds, default 2, paths alternate order),
# --warmup-rows N (default 1000000, 0 = none), property=value (application.properties overrides, applied to
# the route; replay.batch-rows and kafka.producer.* apply to the plain loop too).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
exec java -Xms1g -Xmx1g -Djava.io.tmpdir=target -cp "$BENCH_CP" bench.ReplayBenchmark "$@"

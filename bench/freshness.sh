#!/usr/bin/env bash
# Freshness benchmark: runs the default all-in-one pipeline (local stack in-process) on the real 30-day slice,
# paced (default 2 s per day of data), and measures how long each row takes from the replay's send to an Athena
# answer (the emulator's), by asking Athena for each date's row count every 500 ms. Prints p50, p99 and the
# largest delay against the target lake.flush-interval + 10 s.
#
#   bench/freshness.sh
#   bench/freshness.sh --seconds-per-day 5 lake.flush-interval=10s
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
exec java -Xmx1g -Djava.io.tmpdir=target -cp "$BENCH_CP" bench.FreshnessBenchmark "$@"

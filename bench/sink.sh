#!/usr/bin/env bash
# Sink benchmark: fills a topic of an in-process broker with a large generated county CSV (default
# 1,200,000 rows), drains it into an in-process S3 server through the Camel LakeSinkRoute and through a
# plain kafka-clients loop with the same writer, alternately in one JVM, and through the raw floor (consume,
# decode, encode one Parquet file per batch, no S3); prints rows/s for the three, route/plain (target >= 0.9),
# route/raw floor (aim >= 0.5) and the lake's bytes per CSV byte for Parquet and JSON lines.
#
#   bench/sink.sh                        # 1.2M rows, 2 rounds
#   bench/sink.sh 2500000 --rounds 3
#   bench/sink.sh --s3-delay-ms 30          # then again with 30 ms on every S3 request: the rate kept
#   bench/sink.sh --s3-delay-ms 30 lake.upload-threads=1   # property=value: overrides for the route
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
exec java -Xms2g -Xmx2g -Djava.io.tmpdir=target -cp "$BENCH_CP" bench.SinkBenchmark "$@"

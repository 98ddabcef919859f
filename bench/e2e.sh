#!/usr/bin/env bash
# Cold end to end: the default run (local stack, replay, sink, crawl, reports; every setting at its default but
# replay.seconds-per-day=0) on a 292,107-row file, the 2021 slice three times over with dates shifted 30 days per
# copy, in a fresh JVM. Prints when the lake was complete, counted from when the routes could start (the local
# stack was up), and the process's CPU time, from the run's own summary line, plus wall time and peak RSS.
#
#   bench/e2e.sh                 # 292,107 rows
#   bench/e2e.sh 1000000         # another size, generated the same way
#   KEEP=1 bench/e2e.sh          # keeps the run's folder (its log, its lake) under target/e2e-*
#
# Targets (issue 11): lake complete <= 8 s after the stack is up, process CPU <= 25 s.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-292107}"
source bench/classpath.sh
FILE="target/bench/us-counties-${ROWS}.csv"
if [ ! -f "$FILE" ]; then
  java -cp "$BENCH_CP" bench.BigCsv "$FILE" "$ROWS" >/dev/null
fi
WORK=$(mktemp -d target/e2e-XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
# the application's own log configuration (the test classpath's one logs warnings only)
/usr/bin/time -f "%e %U %S %M" -o "$WORK/time" \
  java -Dlog4j2.configurationFile=target/classes/log4j2.properties -Dlocal.data-dir="$WORK/data" \
       -Dreplay.file="$FILE" -Dreplay.seconds-per-day=0 -cp "$BENCH_CP" app.PipelineMain > "$WORK/run.log" 2>&1 \
  || { echo "the run failed; its log:"; tail -40 "$WORK/run.log"; exit 1; }
read -r WALL USER SYS RSS < "$WORK/time"
STACK=$(grep -o 'Local stack up in [0-9]* ms' "$WORK/run.log" | grep -o '[0-9]*')
RUN=$(grep -o 'Run: .*' "$WORK/run.log" | tail -1)
LAKE=$(echo "$RUN" | grep -o 'lake complete [0-9.]* s' | grep -o '[0-9.]*')
CPU=$(echo "$RUN" | grep -o 'process CPU [0-9.]* s' | grep -o '[0-9.]*')
echo "BENCH machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "BENCH file: $FILE ($(($(wc -l < "$FILE") - 1)) rows)"
echo "BENCH local stack up in ${STACK} ms; the run: ${RUN#Run: }"
echo "BENCH wall ${WALL} s, user+sys CPU $(echo "$USER + $SYS" | bc) s, peak RSS $((RSS / 1024)) MB"
echo "BENCH RESULT e2e: lake complete ${LAKE} s after the stack was up (target <= 8), process CPU ${CPU} s (target <= 25)"

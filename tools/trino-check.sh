#!/usr/bin/env bash
# Checks report SQL on real Trino 476, the engine under Athena engine v3: runs each report on Trino's Hive connector
# over a lake this pipeline wrote and on the local Athena emulator (DuckDB) over the same lake, then prints per report
# "same", "different" (the first differing row), "fails on Trino" (Trino's error) or "fails on the emulator".
#
#   tools/trino-check.sh                                        # every report, on a new lake of the 30-day sample
#   tools/trino-check.sh src/main/resources/sql/my_report.sql   # one report (or several)
#   tools/trino-check.sh --replay other.csv my_report.sql       # a new lake of another CSV
#   tools/trino-check.sh --data-dir target/trino-check/data my_report.sql   # the last check's lake again: no replay
#
# Trino needs Java 24 or newer: TRINO_JAVA_HOME, by default /usr/lib/jvm/temurin-25-jdk-amd64. The first run fetches
# io.trino:trino-server:476:tar.gz (820 MB) with Maven into ~/.m2 and unpacks its lib/ and Hive plugin into
# target/trino-server-476; later runs start from there. Trino's files and log go to target/trino-check/trino.
# Exit 0 when every report gives the same rows on both engines, 1 when not, 2 on bad arguments or no Java 24.
set -euo pipefail
cd "$(dirname "$0")/.."
TRINO_VERSION=476
TRINO_HOME="target/trino-server-${TRINO_VERSION}"
TRINO_JAVA_HOME="${TRINO_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

java_major=$("${TRINO_JAVA_HOME}/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p' || true)
if [ -z "$java_major" ] || [ "$java_major" -lt 24 ]; then
  echo "Trino ${TRINO_VERSION} needs Java 24 or newer, and ${TRINO_JAVA_HOME}/bin/java is ${java_major:+Java }${java_major:-missing}:" \
       "install a JDK 24+ (e.g. Temurin 25) and set TRINO_JAVA_HOME to it." >&2
  exit 2
fi

if [ ! -d "${TRINO_HOME}/plugin/hive" ]; then
  echo "Trino: fetching io.trino:trino-server:${TRINO_VERSION}:tar.gz with Maven (820 MB, about a minute, once)"
  rm -rf target/trino-download "${TRINO_HOME}.partial"
  mvn -B -q -Dstyle.color=never dependency:copy -Dartifact="io.trino:trino-server:${TRINO_VERSION}:tar.gz" -DoutputDirectory=target/trino-download
  echo "Trino: unpacking its lib/ and Hive plugin into ${TRINO_HOME}"
  mkdir -p "${TRINO_HOME}.partial"
  # the tarball hard-links a jar shared by several plugins into each of them, so it unpacks whole; then the other
  # plugins go (Trino would load every one of them at start-up)
  tar xzf "target/trino-download/trino-server-${TRINO_VERSION}.tar.gz" -C "${TRINO_HOME}.partial" --strip-components=1
  find "${TRINO_HOME}.partial/plugin" -mindepth 1 -maxdepth 1 ! -name hive -exec rm -rf {} +
  rm -rf target/trino-download
  mv "${TRINO_HOME}.partial" "${TRINO_HOME}"
fi

echo "Compiling the check (mvn test-compile)"
source bench/classpath.sh
exec java -Xmx1g -Djava.io.tmpdir=target -Dtrino.home="${TRINO_HOME}" -Dtrino.java-home="${TRINO_JAVA_HOME}" \
     -cp "$BENCH_CP" trinocheck.TrinoCheck "$@"

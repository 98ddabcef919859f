# Sourced by the bench scripts and tools/trino-check.sh: compiles main and test classes (offline when Maven's cache has them) and
# sets BENCH_CP to the test classpath. Maven's output shows only when the build fails.
MVN_OPTS=(-B -q)
if [ -d "${HOME}/.m2/repository/org/apache/camel/camel-main" ]; then
  MVN_OPTS+=(-o)
fi
if ! build_log=$(mvn "${MVN_OPTS[@]}" test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test 2>&1); then
  echo "$build_log" >&2
  exit 1
fi
BENCH_CP="target/classes:target/test-classes:$(cat target/bench.cp)"

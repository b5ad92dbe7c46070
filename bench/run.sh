#!/usr/bin/env bash
# Scale and reliability benchmark of the packaged application (not part of mvn verify): cold start of
# java -jar, cost per case against a bare BPMN, heap with 10,000 open cases under -Xmx512m, and the
# freeze storm (10,000 open cancellations withdrawn after a moved voting day). Builds the jar, then runs
# ScaleBenchmark, which starts the jar in JVMs of its own on fresh databases under target/bench/scale.
# Prints a table, also appended to target/bench/results.txt; the whole output is in target/bench/scale.log.
#   bench/run.sh                                   everything (a few minutes)
#   bench/run.sh -Dtest='ScaleBenchmark#coldStart' one part
#   bench/run.sh -Dbench.stormVariants=chosen,camunda-defaults -Dbench.cases=300   see ScaleBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
mvn -B -q -ntp -DskipTests package
before=$(stat -c %s target/bench/results.txt 2>/dev/null || echo 0)
status=0
mvn -B -ntp surefire:test@default-test \
  -Dtest=ScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.excludedGroups=none -Dgroups=benchmark "$@" > target/bench/scale.log 2>&1 || status=$?
tail -c +$((before + 1)) target/bench/results.txt 2>/dev/null || true
if [ "$status" -ne 0 ]; then
  grep -E 'Tests run|FAIL|ERROR|expected|Expecting' target/bench/scale.log | head -40
  echo "bench/run.sh: the benchmark failed (exit $status), see target/bench/scale.log" >&2
fi
exit "$status"

#!/usr/bin/env bash
# Benchmark of the auditors' endpoints on 100,000 closed cases (not part of mvn verify).
# Starts the application on a random port with an H2 file database under target/bench (kept and
# reused by the next run; `rm -rf target/bench` starts afresh), loads the cases once, then measures
# p50/p95 of GET /api/statistics and GET /api/cases/{n}/history over HTTP as the auditor and prints
# a table (also appended to target/bench/results.txt).
#   bench/audit.sh            one run
#   RUNS=3 bench/audit.sh     three runs on the same data (docs/performance.md reports their medians)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-1}
mkdir -p target/bench
for run in $(seq 1 "$runs"); do
  status=0
  mvn -B -ntp test-compile surefire:test@default-test \
    -Dtest=AuditBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.excludedGroups=none -Dgroups=benchmark \
    -DargLine="-Xmx6g" "$@" > target/bench/run.log 2>&1 || status=$?
  grep -E 'Audit benchmark|request \(|^GET /api' target/bench/run.log || true
  if [ "$status" -ne 0 ]; then
    grep -E 'ERROR|FAIL' target/bench/run.log | head -20
    echo "benchmark failed (full log: target/bench/run.log)"
    exit "$status"
  fi
done

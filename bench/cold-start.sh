#!/usr/bin/env bash
# Cold start of the application against a bare Camunda 7 Spring Boot application (bench/bare-camunda-app:
# the webapp and REST starters on H2, and the actuator for its health endpoint), side by side on this
# machine. Builds both jars, then starts them in turn (main, bare, main, bare, ...), each with
# `java -jar` on a fresh H2 file in a fresh directory, the same JVM flags and a free port, and times
# from the process's start until GET /actuator/health answers "status":"UP" (polled every 100 ms).
# The application runs as an operator starts it: its default configuration (the demo profile with its
# 2023 briefing). Each process is then stopped by its own PID. Prints every run, the median of each and
# the ratio main/bare. The logs of the last runs are in target/bench/cold-start/.
#   bench/cold-start.sh                    5 runs of each after 1 warm-up pair that is not counted
#   RUNS=9 WARMUP=0 bench/cold-start.sh    other counts
#   JAVA_OPTS='-Xmx1g' bench/cold-start.sh JVM flags, the same for both
#   SKIP_BUILD=1 bench/cold-start.sh       the jars as they are
#   MAIN_ARGS='--audit.demo-briefing=false' bench/cold-start.sh   more arguments for the application
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${RUNS:-5}
warmup=${WARMUP:-1}
timeout_s=${TIMEOUT:-300}
read -r -a jvm_flags <<< "${JAVA_OPTS:-}"
read -r -a main_args <<< "${MAIN_ARGS:-}"
logs=$root/target/bench/cold-start

mkdir -p "$logs"
if [ -z "${SKIP_BUILD:-}" ]; then
  if ! { mvn -B -ntp -q -DskipTests package \
      && (cd bench/bare-camunda-app && mvn -B -ntp -q -DskipTests package); } > "$logs/build.log" 2>&1; then
    tail -40 "$logs/build.log"
    echo "bench/cold-start.sh: the build failed, see $logs/build.log" >&2
    exit 1
  fi
fi
main_jar=$(ls "$root"/target/election-violations-*.jar | grep -v -- '-plain\.jar$' | head -1)
bare_jar=$root/bench/bare-camunda-app/target/bare-camunda-app-1.jar

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

pid=""
work=""
cleanup() {
  if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; fi
  if [ -n "$work" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# one_run NAME: starts the app NAME (main or bare) on a fresh database; sets elapsed to the seconds to
# health UP and cpu_used to the processor seconds the JVM had used by then
elapsed=""
cpu_used=""
one_run() {
  local name=$1 port start now body args cpu
  port=$(free_port)
  work=$(mktemp -d "${TMPDIR:-/tmp}/cold-start-$name.XXXXXX")
  if [ "$name" = main ]; then
    # the default H2 file ./data/election-violations, in the fresh directory
    args=(-jar "$main_jar" "--server.port=$port" "${main_args[@]}")
  else
    args=(-jar "$bare_jar" "--server.port=$port" "--spring.datasource.url=jdbc:h2:file:$work/data/bare")
  fi
  start=$(date +%s%N)
  (cd "$work" && exec java "${jvm_flags[@]}" "${args[@]}") > "$logs/$name.log" 2>&1 &
  pid=$!
  while :; do
    body=$(curl -s --max-time 1 "http://127.0.0.1:$port/actuator/health" || true)
    now=$(date +%s%N)
    if [[ $body == *'"status":"UP"'* ]]; then
      # the processor time the JVM had used by then (user + system, all threads)
      cpu=$(awk -v tck="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / tck }' "/proc/$pid/stat")
      break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "bench/cold-start.sh: $name exited before health UP, see $logs/$name.log" >&2
      exit 1
    fi
    if (( (now - start) / 1000000000 > timeout_s )); then
      echo "bench/cold-start.sh: $name not UP after $timeout_s s, see $logs/$name.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
  rm -rf "$work"
  work=""
  elapsed=$(awk -v ns=$((now - start)) 'BEGIN { printf "%.2f", ns / 1e9 }')
  cpu_used=$cpu
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "cold start to health UP, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, java $(java -version 2>&1 | head -1 | cut -d'"' -f2)${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}${MAIN_ARGS:+, MAIN_ARGS=$MAIN_ARGS}"
for i in $(seq 1 "$warmup"); do
  one_run main
  one_run bare
done
main_times=()
bare_times=()
main_cpus=()
bare_cpus=()
printf '%-6s %8s %8s   %s\n' run main bare '(processor seconds used by then: main, bare)'
for i in $(seq 1 "$runs"); do
  one_run main
  main_times+=("$elapsed")
  main_cpus+=("$cpu_used")
  one_run bare
  bare_times+=("$elapsed")
  bare_cpus+=("$cpu_used")
  printf '%-6s %7ss %7ss   %6ss %6ss\n' "$i" "${main_times[-1]}" "$elapsed" "${main_cpus[-1]}" "$cpu_used"
done
main_median=$(printf '%s\n' "${main_times[@]}" | median)
bare_median=$(printf '%s\n' "${bare_times[@]}" | median)
main_cpu=$(printf '%s\n' "${main_cpus[@]}" | median)
bare_cpu=$(printf '%s\n' "${bare_cpus[@]}" | median)
printf '%-6s %7ss %7ss   %6ss %6ss\n' median "$main_median" "$bare_median" "$main_cpu" "$bare_cpu"
awk -v m="$main_median" -v b="$bare_median" -v mc="$main_cpu" -v bc="$bare_cpu" \
  'BEGIN { printf "ratio main/bare: %.2f (processor time: %.2f)\n", m / b, mc / bc }'

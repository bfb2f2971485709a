#!/usr/bin/env bash
# Where a server's CPU goes under load, kernel included (issue #6's profiles of missed targets):
#
#   scripts/server-profile.sh SERVER SCENARIO [JAVA_HOME]
#   e.g. scripts/server-profile.sh tether-jetty echo-64B-100 /usr/lib/jvm/temurin-25-jdk-amd64
#
# Runs one load-benchmark scenario (4 s warm-up, 12 s measured) and, about 2 s into the measurement, takes
# 4 s of `perf stat` (context switches) and then 4 s of `perf record` (cpu-clock samples, with Java
# symbols from the JVM's perf map) of the server process. Prints the benchmark's figure, the context
# switches per second and the top symbols. Needs Linux perf (Debian: linux-perf); perf itself slows the
# server, so the figures printed during recording are below a clean run's.
set -euo pipefail
cd "$(dirname "$0")/.."
server=${1:?server}
scenario=${2:?scenario}
jdk=${3:-}
out=target/server-profile/$server-$scenario${jdk:+-$(basename "$jdk")}
mkdir -p "$out"
jdk_option=()
if [[ -n "$jdk" ]]; then jdk_option=(--server-jdk "$jdk"); fi
scripts/load-benchmark.sh --servers "$server" --scenarios "$scenario" --warmup 4 --measure 12 --out "$out" \
  "${jdk_option[@]}" --server-flag -XX:+UnlockDiagnosticVMOptions --server-flag -XX:+DumpPerfMapAtExit \
  > "$out/benchmark.log" 2>&1 &
benchmark=$!
pid=""
for _ in $(seq 1 600); do
  pid=$(pgrep -f "dev.tether.load.servers" | head -1 || true)
  [[ -n "$pid" ]] && break
  sleep 0.1
done
[[ -n "$pid" ]] || { echo "the server did not start" >&2; kill "$benchmark"; exit 1; }
sleep 6
perf stat -e context-switches,task-clock -p "$pid" -o "$out/perf-stat.txt" -- sleep 4
perf record -e cpu-clock -F 2000 -g -p "$pid" -o "$out/perf.data" -- sleep 4 > /dev/null 2>&1
wait "$benchmark"
grep -m1 -E "messages/s|throughput" "$out/results.md"
grep -E "context-switches|task-clock" "$out/perf-stat.txt"
perf report -i "$out/perf.data" --no-children --sort dso,sym -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -25

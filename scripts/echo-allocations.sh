#!/usr/bin/env bash
# What the server allocates on the steady path of the small-message echo (issue #6: no allocation per
# frame), from a JFR allocation profile of a load-benchmark run:
#
#   scripts/echo-allocations.sh [SERVER] [SCENARIO] [JAVA_HOME]
#   e.g. scripts/echo-allocations.sh tether-jetty echo-64B-100
#
# Runs the scenario (4 s warm-up, 8 s measured) with a recording of the measured part only, then prints
# the sampled allocation weight by class and by allocating site, and per message echoed.
set -euo pipefail
cd "$(dirname "$0")/.."
server=${1:-tether-jetty}
scenario=${2:-echo-64B-100}
jdk=${3:-}
out=target/echo-allocations/$server-$scenario
mkdir -p "$out"
jdk_option=()
if [[ -n "$jdk" ]]; then jdk_option=(--server-jdk "$jdk"); fi
scripts/load-benchmark.sh --servers "$server" --scenarios "$scenario" --warmup 4 --measure 8 --out "$out" \
  "${jdk_option[@]}" --server-flag "-XX:StartFlightRecording=filename=$PWD/$out/server.jfr,settings=profile,delay=6s,duration=5s" \
  > "$out/benchmark.log" 2>&1
jfr print --stack-depth 12 --events jdk.ObjectAllocationSample "$out/server.jfr" > "$out/allocations.txt"
python3 scripts/echo-allocations.py "$out/allocations.txt" "$out/results.json" 5

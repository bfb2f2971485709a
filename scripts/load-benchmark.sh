#!/usr/bin/env bash
# The load benchmark and the soak run (benchmark-only code in src/load/java, Maven profile 'load').
#
#   scripts/load-benchmark.sh [OPTIONS]          every scenario against every server (~15 min);
#                                                target/load/results.{json,md,svg}
#   scripts/load-benchmark.sh soak [OPTIONS]     N connections echo for M minutes against Tether;
#                                                target/load/soak-*.{json,md}
#
# Benchmark options: --warmup S --measure S --servers tether-jetty,tether-tomcat,jetty,tomcat,netty,raw-tcp
#   --scenarios echo-64B-1,echo-64B-100,echo-4KiB-1,echo-4KiB-100,bulk-1MiB,bulk-16MiB,broadcast,idle-jdk17,idle-jdk25
#   --idle N --room N --jdk25 JAVA_HOME --server-jdk JAVA_HOME (JDK of the throughput scenarios' servers) --out DIR
# Soak options: --connections N --minutes M --size BYTES --in-flight K --server tether-jetty|tether-tomcat --jdk JAVA_HOME
#
# Each server runs in a JVM of its own pinned to CPU 0; the load client (this JVM) is pinned to CPU 1.
set -euo pipefail
cd "$(dirname "$0")/.."

main=dev.tether.load.LoadBenchmark
if [[ "${1:-}" == "soak" ]]; then
  main=dev.tether.load.SoakRun
  shift
fi

# 10,000 connections need as many descriptors in the client and in the server (which inherits this limit).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt 10100 ]]; then
  echo "warning: only $(ulimit -n) file descriptors: the 10,000-connection runs will fall short" >&2
fi

mvn -B -q -o -Pload test-compile 2>/dev/null || mvn -B -q -Pload test-compile
cp="target/test-classes:target/classes:$(cat target/load/classpath.txt)"

pin=()
if command -v taskset >/dev/null && [[ "$(nproc --all)" -ge 2 ]]; then
  pin=(taskset -c 1)
fi
exec "${pin[@]}" java -Xmx2g -XX:+UseG1GC -cp "$cp" "$main" "$@"

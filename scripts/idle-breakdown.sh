#!/usr/bin/env bash
# Where an idle connection's memory goes, for one server and JDK (src/load/java/dev/tether/load/IdleBreakdown.java):
#
#   scripts/idle-breakdown.sh SERVER JAVA_HOME [CONNECTIONS] [OUT_DIR]
#   e.g. scripts/idle-breakdown.sh tether-jetty /usr/lib/jvm/temurin-25-jdk-amd64
#
# Runs the benchmark's idle scenario with jcmd snapshots before and after, then prints the breakdown
# (scripts/idle-breakdown.py). About 30 s for 10,000 connections (a minute on JDK 17, with its threads).
set -euo pipefail
cd "$(dirname "$0")/.."
server=${1:?server}
jdk=${2:?JAVA_HOME}
connections=${3:-10000}
out=${4:-target/idle-breakdown/$server-$(basename "$jdk")}
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
mvn -B -q -o -Pload test-compile 2>/dev/null || mvn -B -q -Pload test-compile
cp="target/test-classes:target/classes:$(cat target/load/classpath.txt)"
pin=()
if command -v taskset >/dev/null && [[ "$(nproc --all)" -ge 2 ]]; then
  pin=(taskset -c 1)
fi
"${pin[@]}" java -Xmx2g -XX:+UseG1GC -cp "$cp" dev.tether.load.IdleBreakdown "$server" "$jdk" "$connections" "$out"
python3 scripts/idle-breakdown.py "$out"

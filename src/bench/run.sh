#!/usr/bin/env bash
# Builds and runs the JMH benchmarks: target/jmh-result.json (JMH's JSON) and target/jmh-result.md (a table).
# Arguments go to JMH: a regexp of benchmarks, -p size=64, -prof gc, -f/-wi/-i/-r to override the defaults
# (1 fork, 3 x 1 s warm-up, 5 x 1 s measurement), e.g.  src/bench/run.sh -prof gc SessionRoundTrip
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -Pbench package
java -jar target/benchmarks.jar -rf json -rff target/jmh-result.json "$@"
java -cp target/benchmarks.jar dev.tether.bench.ResultsTable target/jmh-result.json target/jmh-result.md
echo "results: target/jmh-result.json, target/jmh-result.md"

#!/usr/bin/env bash
# A long fuzzing run: every Jazzer fuzz test of dev.tether.fuzz in turn (one fuzzing JVM at a time, the
# machine is shared), each bounded by its own duration, then a summary of executions, exec/s, findings
# and corpus size per target.
#
#   scripts/fuzz-long.sh [SCALE] [LOGDIR]
#
# SCALE multiplies the per-target minutes below (default 1: about 40 minutes of fuzzing in all; 0.25 for
# a quick look). Findings are saved by Jazzer beside the seeds (src/test/resources/dev/tether/fuzz/
# *Inputs/<test>/crash-* or timeout-*): commit them once fixed, they become regression inputs. The corpus
# grown while fuzzing stays in .cifuzz-corpus/ and is reused by the next run.
#
# Run it in the background and poll the summary, e.g.:
#   nohup scripts/fuzz-long.sh > target/fuzz-long.out 2>&1 &
set -uo pipefail
cd "$(dirname "$0")/.."

scale=${1:-1}
logdir=${2:-target/fuzz-long}
mkdir -p "$logdir"

# execution id (pom.xml, profile "fuzz") : minutes : test class : test method
targets=(
  "fuzz-inbound-server:8:InboundProtocolFuzzTest:serverReceives"
  "fuzz-inbound-client:6:InboundProtocolFuzzTest:clientReceives"
  "fuzz-round-trip:5:FrameRoundTripFuzzTest:encodedFramesDecodeToTheOriginal"
  "fuzz-utf8:3:Utf8ValidatorFuzzTest:agreesWithJdkDecoder"
  "fuzz-masking:2:MaskingFuzzTest:equalsNaiveXor"
  "fuzz-handshake:4:ServerHandshakeFuzzTest:answersExactlyAsTheRfcSays"
  "fuzz-origin:2:ServerHandshakeFuzzTest:originPolicyNeverThrows"
  "fuzz-session:8:SessionInputFuzzTest:serverSessionStaysWellBehaved"
)

mvn -B -ntp -q -Pfuzz test-compile || { echo "fuzz-long: compilation failed" >&2; exit 1; }

summary="$logdir/summary.txt"
printf '%-20s %10s %12s %9s %8s %8s  %s\n' target seconds executions exec/s corpus findings result > "$summary"
total=0
for t in "${targets[@]}"; do
  IFS=: read -r id minutes class method <<< "$t"
  seconds=$(awk -v m="$minutes" -v s="$scale" 'BEGIN { printf "%d", m * s * 60 }')
  log="$logdir/$id.log"
  echo "$(date -u +%H:%M:%S) $id for ${seconds}s"
  findings_before=$(ls "src/test/resources/dev/tether/fuzz/${class}Inputs/$method" 2>/dev/null | grep -cE '^(crash|timeout|oom|leak)-')
  if mvn -B -ntp -Pfuzz "surefire:test@$id" -Dfuzz.duration="${seconds}s" > "$log" 2>&1; then result=passed; else result=FAILED; fi
  findings_after=$(ls "src/test/resources/dev/tether/fuzz/${class}Inputs/$method" 2>/dev/null | grep -cE '^(crash|timeout|oom|leak)-')
  # libFuzzer's last line: "Done N runs in S second(s)"; its last status line has exec/s.
  runs=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n 1 | awk '{print $2}')
  secs=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n 1 | awk '{print $5}')
  rate=$(grep -oE 'exec/s: [0-9]+' "$log" | tail -n 1 | awk '{print $2}')
  corpus=$(ls ".cifuzz-corpus/dev.tether.fuzz.$class/$method" 2>/dev/null | wc -l)
  printf '%-20s %10s %12s %9s %8s %8s  %s\n' "$id" "${secs:-?}" "${runs:-?}" "${rate:-?}" "$corpus" \
    "$((findings_after - findings_before))" "$result" >> "$summary"
  total=$((total + ${runs:-0}))
done
echo "total executions: $total" >> "$summary"
cat "$summary"

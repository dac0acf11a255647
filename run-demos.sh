#!/usr/bin/env bash
# Builds Manometer, runs every demo (broken, then fixed) under the agent with a JFR recording,
# and prints the analysis of each. Usage: ./run-demos.sh [seconds-per-demo]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-12}"
out="target/demo-recordings"

echo "== building (mvn -DskipTests package)"
mvn -q -B -Dstyle.color=never -DskipTests package
mkdir -p "$out"

agent=agent/target/manometer-agent.jar
analyzer=analyzer-cli/target/manometer.jar
demos=demo-apps/target/manometer-demo-apps.jar
summary=()

for demo in $(java -cp "$demos" io.manometer.demo.DemoMain | awk 'NR>1 {print $1}' | sort -u); do
  for variant in broken fixed; do
    jfr="$out/$demo-$variant.jfr"
    echo
    echo "== $demo ($variant): running ${seconds}s under the agent, recording to $jfr"
    java -Xmx256m -javaagent:"$agent" -XX:StartFlightRecording=filename="$jfr" -Xlog:jfr+startup=error \
      -cp "$demos" io.manometer.demo.DemoMain "$demo" "$variant" "$seconds"
    echo "== analysis: java -jar $analyzer analyze $jfr"
    set +e
    java -jar "$analyzer" analyze "$jfr" | tee "$out/$demo-$variant.txt"
    code=${PIPESTATUS[0]}
    set -e
    # The top finding at warning or above, and how far into the run it was first detectable.
    top=$(grep -m1 -E '^(CRITICAL|WARNING) ' "$out/$demo-$variant.txt" | awk '{print $1, $2}' || true)
    when=$(awk '/^(CRITICAL|WARNING) /{f=1} f && /^$/{exit} f && /^  detected/{print $2 " s"; exit}' "$out/$demo-$variant.txt")
    summary+=("$(printf '| %-15s | %-7s | %-4s | %-38s | %-8s |' "$demo" "$variant" "$code" "${top:-none at warning or above}" \
      "${when:--}")")
  done
done

echo
echo "== summary (exit 1: a warning or worse was found; detected: seconds into the run when the evidence first held)"
printf '| %-15s | %-7s | %-4s | %-38s | %-8s |\n' demo variant exit "top finding" detected
printf '|%s|%s|%s|%s|%s|\n' "-----------------" "---------" "------" "----------------------------------------" "----------"
printf '%s\n' "${summary[@]}"

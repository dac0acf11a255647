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
    java -jar "$analyzer" analyze "$jfr"
    code=$?
    set -e
    summary+=("$(printf '%-16s %-8s exit %d (%s)' "$demo" "$variant" "$code" \
      "$([ "$code" = 0 ] && echo 'no warning' || echo 'gate failed: missing backpressure found')")")
  done
done

echo
echo "== summary (analyzer exit code per run; 1 means a warning or worse was found)"
printf '%s\n' "${summary[@]}"

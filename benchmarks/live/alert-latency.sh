#!/usr/bin/env bash
# How soon the live verdict alerts: runs each broken demo with the agent alone (no recording asked
# for, as an on-call engineer adds it), N times, and prints when its first alert line came, in
# seconds of the JVM's life (the demos start growing within about 0.5 s of it). Run it on a quiet
# machine: other busy JVMs on two cores delay the judge by seconds, and that is the machine, not
# the agent. Usage: benchmarks/live/alert-latency.sh [runs] [demo ...]
#   (JAVA_HOME selects the JDK; build first: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
shift || true
demos=("$@")
[ ${#demos[@]} -gt 0 ] || demos=(file-to-sink fan-out early-ack unawaited-loop ignored-offer byte-buffer)
java="${JAVA_HOME:-/usr}/bin/java"
agent=agent/target/manometer-agent.jar
jar=demo-apps/target/manometer-demo-apps.jar
[ -f "$agent" ] && [ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 2; }

echo "JDK: $("$java" -version 2>&1 | head -1); $(nproc) cores; $runs run(s) per demo, 10 s each"
printf '%-16s %s\n' "demo" "first alert (s of the JVM's life), per run"
for demo in "${demos[@]}"; do
  times=()
  for _ in $(seq "$runs"); do
    t=$("$java" -Xmx256m -javaagent:"$agent" -cp "$jar" io.manometer.demo.DemoMain "$demo" broken 10 2>&1 >/dev/null \
      | grep -o '^manometer: \(WARNING\|CRITICAL\) .*\[t+[0-9.]* s\]$' | head -1 | sed 's/.*\[t+\([0-9.]*\) s\]$/\1/')
    times+=("${t:-none}")
  done
  printf '%-16s %s\n' "$demo" "${times[*]}"
done

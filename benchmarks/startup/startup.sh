#!/usr/bin/env bash
# Start-up cost of the agent: wall time of a hello-world JVM, median of N runs each, without the
# agent, with it, and with it plus a JFR recording, all in one run so the machine's state is shared.
# Usage: benchmarks/startup/startup.sh [runs]   (JAVA_HOME selects the JDK; build the agent first)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
java="${JAVA_HOME:-/usr}/bin/java"
agent=agent/target/manometer-agent.jar
[ -f "$agent" ] || { echo "build the agent first: mvn -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${JAVA_HOME:-/usr}/bin/javac" -d "$work" benchmarks/startup/Hello.java

median_ms() { # runs the command $runs times, prints the median wall time in ms
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "JDK: $("$java" -version 2>&1 | head -1); $(nproc) cores; median of $runs runs"
base=$(median_ms "$java" -cp "$work" Hello)
with=$(median_ms "$java" -javaagent:"$agent" -cp "$work" Hello)
jfr_base=$(median_ms "$java" -XX:StartFlightRecording=filename="$work/a.jfr" -cp "$work" Hello)
jfr_with=$(median_ms "$java" -javaagent:"$agent" -XX:StartFlightRecording=filename="$work/b.jfr" -cp "$work" Hello)
# A class-heavy start: Manometer's own analyzer (picocli, Jackson) listing its detectors. Every
# application class goes through the agent's gate and, if it names a launching call, its rewrite.
cli=analyzer-cli/target/manometer.jar
cli_base=$(median_ms "$java" -jar "$cli" detectors)
cli_with=$(median_ms "$java" -javaagent:"$agent" -jar "$cli" detectors)
classes=$("$java" -Xlog:class+load=info -jar "$cli" detectors | grep -c 'class,load')
printf '%-28s %8s %8s %8s\n' "" "no agent" "agent" "added"
printf '%-28s %6s ms %6s ms %+6d ms\n' "hello world" "$base" "$with" "$((with - base))"
printf '%-28s %6s ms %6s ms %+6d ms\n' "hello world, JFR recording" "$jfr_base" "$jfr_with" "$((jfr_with - jfr_base))"
printf '%-28s %6s ms %6s ms %+6d ms\n' "CLI, $classes classes" "$cli_base" "$cli_with" "$((cli_with - cli_base))"

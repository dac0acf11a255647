#!/usr/bin/env bash
# Start-up cost of the agent: wall time of a hello-world JVM, median of N runs each, without the
# agent, with it, and with it plus a JFR recording, interleaved in one run so the machine's state is shared.
# Then, for each pair of variants, the median of the interleaved runs' differences (agent - none)
# and its distribution-free 95 % interval (from 6 runs on).
# Usage: benchmarks/startup/startup.sh [runs]   (JAVA_HOME selects the JDK; build the agent first)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
java="${JAVA_HOME:-/usr}/bin/java"
agent=agent/target/manometer-agent.jar
bench=benchmarks/target/benchmarks.jar
[ -f "$agent" ] && [ -f "$bench" ] || { echo "build first: mvn -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${JAVA_HOME:-/usr}/bin/javac" -d "$work" benchmarks/startup/Hello.java

wall_ms() { # one run of the command; prints its wall time in ms
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# A class-heavy start: Manometer's own analyzer (picocli, Jackson) listing its detectors. Every
# application class goes through the agent's gate and, if it names a launching call, its rewrite.
cli=analyzer-cli/target/manometer.jar
variants=(
  "-cp $work Hello"
  "-javaagent:$agent -cp $work Hello"
  "-XX:StartFlightRecording=filename=$work/a.jfr -cp $work Hello"
  "-javaagent:$agent -XX:StartFlightRecording=filename=$work/b.jfr -cp $work Hello"
  "-jar $cli detectors"
  "-javaagent:$agent -jar $cli detectors"
)
# Interleaved: each round runs every variant once, so a machine that slows down slows them all.
declare -A times
for _ in $(seq "$runs"); do
  for i in "${!variants[@]}"; do
    times[$i]+="$(wall_ms "$java" ${variants[$i]}) "
  done
done
for i in "${!variants[@]}"; do
  m[$i]=$(median "${times[$i]}")
done
classes=$("$java" -Xlog:class+load=info -jar "$cli" detectors | grep -c 'class,load')
echo "JDK: $("$java" -version 2>&1 | head -1); $(nproc) cores; median of $runs interleaved runs"
printf '%-28s %8s %8s %8s\n' "" "no agent" "agent" "added"
row() { printf '%-28s %6s ms %6s ms %+6d ms\n' "$1" "${m[$2]}" "${m[$3]}" "$((m[$3] - m[$2]))"; }
row "hello world" 0 1
row "hello world, JFR recording" 2 3
row "CLI, $classes classes" 4 5
added() { paste -d' ' <(printf '%s\n' ${times[$2]}) <(printf '%s\n' ${times[$3]}) \
  | "$java" -cp "$bench" io.manometer.benchmarks.PairedRuns --difference ms "$1, added by the agent"; }
added "hello world" 0 1
added "hello world, JFR recording" 2 3
added "CLI" 4 5

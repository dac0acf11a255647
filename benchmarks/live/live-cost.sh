#!/usr/bin/env bash
# What the live verdict costs (the agent's own recording, sampling twice a second, judging once a
# second) with many tracked buffers: CPU seconds (user + sys) of the same workload with the agent's
# record=auto against record=off, in interleaved pairs; prints the difference as a share of one core.
# Usage: benchmarks/live/live-cost.sh [pairs] [seconds] [queues]   (JAVA_HOME selects the JDK;
# build first: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
pairs="${1:-5}"
seconds="${2:-30}"
queues="${3:-10000}"
java="${JAVA_HOME:-/usr}/bin/java"
agent=agent/target/manometer-agent.jar
bench=benchmarks/target/benchmarks.jar
[ -f "$agent" ] && [ -f "$bench" ] || { echo "build first: mvn -DskipTests package" >&2; exit 2; }

cpu_seconds() { # runs the workload with the given agent options; prints user+sys CPU seconds
  local out
  out=$( { /usr/bin/time -f "%U %S" "$java" -Xmx512m -javaagent:"$agent=$1" \
      -cp "$bench" io.manometer.benchmarks.live.TrackedBuffersWorkload "$seconds" "$queues" > /dev/null; } 2>&1 \
      | tail -1)
  echo "$out" | awk '{printf "%.2f", $1 + $2}'
}

echo "JDK: $("$java" -version 2>&1 | head -1); $(nproc) cores; $queues tracked queues; $pairs pairs of $seconds s"
diffs=()
for i in $(seq "$pairs"); do
  off=$(cpu_seconds "record=off,max.buffers=200")
  on=$(cpu_seconds "record=auto,max.buffers=200")
  d=$(awk -v a="$on" -v b="$off" -v s="$seconds" 'BEGIN {printf "%.2f", 100 * (a - b) / s}')
  diffs+=("$d")
  echo "pair $i: record=off ${off} s CPU, record=auto ${on} s CPU: +${d}% of one core"
done
printf '%s\n' "${diffs[@]}" | sort -n | awk '{a[NR]=$1; s+=$1; ss+=$1*$1} END {
  m=s/NR; sd=(NR>1)?sqrt((ss-NR*m*m)/(NR-1)):0; h=(NR>1)?2.776*sd/sqrt(NR):0;
  printf "live verdict: median +%.2f%% of one core (mean %.2f%%, 95%% interval %.2f to %.2f; includes JFR start-up)\n",
    a[int((NR+1)/2)], m, m-h, m+h}'

#!/usr/bin/env bash
# What the agent costs a real workload in CPU time, not in the throughput of threads competing for
# two cores: process CPU per unit of fixed work (measured by the workload itself, after its warm-up,
# every thread included: JIT, collector, the agent's sampler and live verdict), without and with the
# agent (its defaults) in interleaved pairs, the order alternating. Two workloads:
#   pipeline: producer -> ArrayBlockingQueue(1024) -> consumer, ns of CPU per element
#   http:     a Netty HTTP server under a loopback load generator in another JVM, ns of CPU per request
# Prints each pair and the median ratio with a distribution-free 95 % interval; then, for the HTTP
# server, a cost model: the operations the agent counts per request (from a recording) times their
# per-operation costs as JMH measures them (OP_COSTS), plus the CPU its own threads use per request.
# Usage: benchmarks/cpu/cpu-cost.sh [pairs] [agent options]
#   (JAVA_HOME selects the JDK; build first: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
pairs="${1:-20}"
options="${2:-}"
# ns added per queue insert (an offer+poll pair), executor submit and asynchronous launch: BENCHMARKS.md's
# JMH figures, the queue's rounded up to its 5 ns budget
read -r cost_insert cost_submit cost_launch <<< "${OP_COSTS:-5 15 19}"
java="${JAVA_HOME:-/usr}/bin/java"
agent=agent/target/manometer-agent.jar
bench=benchmarks/target/benchmarks.jar
[ -f "$agent" ] && [ -f "$bench" ] || { echo "build first: mvn -DskipTests package" >&2; exit 2; }
logs=benchmarks/target/cpu-cost
mkdir -p "$logs"

pipeline() { # $1: extra JVM option (the agent) or nothing; prints CPU ns per element
  "$java" -Xmx256m ${1:+"$1"} -cp "$bench" io.manometer.benchmarks.cpu.PipelineWork 20 5 2>>"$logs/stderr.txt" | tail -1
}

http() { # $1: extra JVM option (the agent) or nothing, $2 another; prints the server's CPU ns per request
  local out="$logs/server.txt"
  "$java" -Xmx256m ${1:+"$1"} ${2:+"$2"} -cp "$bench" io.manometer.benchmarks.cpu.HttpServerWork 150 50 >"$out" 2>>"$logs/stderr.txt" &
  local server=$!
  local port=""
  for _ in $(seq 300); do
    port=$(awk '/^port / {print $2}' "$out")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "the server did not start; see $logs/stderr.txt" >&2; kill "$server"; exit 1; }
  "$java" -cp "$bench" io.manometer.benchmarks.cpu.HttpLoad "$port" 8 200
  wait "$server"
  awk '/^cpu / {print $2}' "$out"
  if [ -n "$1" ] && [ -z "${2:-}" ]; then awk '/^cpu / {print $4}' "$out" >>"$logs/background.txt"; fi
}

with="-javaagent:$agent${options:+=$options}"
echo "JDK: $("$java" -version 2>&1 | head -1); $(nproc) cores; $pairs interleaved pairs; agent options: ${options:-defaults}"
: >"$logs/background.txt"
for workload in pipeline http; do
  : >"$logs/$workload.pairs"
  for i in $(seq "$pairs"); do
    if (( i % 2 )); then a=$($workload ""); b=$($workload "$with"); else b=$($workload "$with"); a=$($workload ""); fi
    echo "$a $b" >>"$logs/$workload.pairs"
    echo "$workload pair $i: no agent $a ns, agent $b ns of CPU per unit"
  done
  "$java" -cp "$bench" io.manometer.benchmarks.PairedRuns "$workload, CPU per unit with/without the agent" <"$logs/$workload.pairs"
done

# The model: what the agent counted per request on the same server, times what each costs, plus the
# background its threads used per request in the runs above (JFR's and the sampler's, with the agent).
http "$with" "-XX:StartFlightRecording=filename=$logs/http.jfr" >/dev/null
read -r inserts submits launches <<< "$("$java" -cp "$bench" io.manometer.benchmarks.cpu.OperationsCounted "$logs/http.jfr" 200000)"
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
background=$(median <"$logs/background.txt")
without=$(awk '{print $1}' "$logs/http.pairs" | median)
awk -v i="$inserts" -v s="$submits" -v l="$launches" -v ci="$cost_insert" -v cs="$cost_submit" -v cl="$cost_launch" \
    -v bg="$background" -v base="$without" 'BEGIN {
  hot = i * ci + s * cs + l * cl
  printf "http, cost model: per request the agent counted %.2f queue inserts, %.2f executor submits, %.2f launches:", i, s, l
  printf " %.1f ns on the hot path; its own threads (and JFR) %.1f ns;", hot, bg
  printf " %.1f ns against %.0f ns of CPU per request without it: %+.2f %%\n", hot + bg, base, 100 * (hot + bg) / base }'

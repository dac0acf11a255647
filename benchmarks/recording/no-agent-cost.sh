#!/usr/bin/env bash
# What jfr/manometer.jfc costs beside JFR's default settings, for recordings made WITHOUT the agent:
# a service-shaped workload (RetainedHeapWork: a live heap of small objects, request-like work)
# recorded with settings=default and with settings=default + manometer.jfc, in interleaved pairs,
# the order alternating. Prints per pair the process CPU per thousand requests and the recording's
# size, then the median ratios with a distribution-free 95 % interval, and the pauses of the heap
# histograms (the overlay's full collections) from the GC log.
# Usage: benchmarks/recording/no-agent-cost.sh [pairs] [live MB] [seconds] [heap-histogram]
#   (JAVA_HOME selects the JDK; build first: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
pairs="${1:-10}"
live="${2:-200}"
seconds="${3:-60}"
histogram="${4:-5s}"
java="${JAVA_HOME:-/usr}/bin/java"
bench=benchmarks/target/benchmarks.jar
jfc=jfr/manometer.jfc
[ -f "$bench" ] || { echo "build first: mvn -DskipTests package" >&2; exit 2; }
logs=benchmarks/target/no-agent-cost
mkdir -p "$logs"
: >"$logs/cpu.pairs"; : >"$logs/size.pairs"; : >"$logs/pauses.txt"

run() { # $1: extra settings or nothing; prints "cpu-per-1000 recording-bytes"
  local jfr="$logs/run.jfr"
  rm -f "$jfr"
  local cpu
  cpu=$("$java" -Xmx1g -Xlog:gc:file="$logs/gc.log" \
      "-XX:StartFlightRecording=settings=default${1:+,$1},filename=$jfr" -Xlog:jfr+startup=error \
      -cp "$bench" io.manometer.benchmarks.cpu.RetainedHeapWork "$live" "$seconds" | tail -1)
  if [ -n "$1" ]; then grep -o 'Heap Inspection Initiated GC.* \([0-9.]*\)ms' "$logs/gc.log" | awk '{print $NF}' | tr -d 'ms' >>"$logs/pauses.txt" || true; fi
  echo "$cpu $(stat -c %s "$jfr")"
}

overlay="settings=$jfc,heap-histogram=$histogram"
echo "JDK: $("$java" -version 2>&1 | head -1); $(nproc) cores; $pairs pairs of $seconds s; live heap $live MB; heap-histogram=$histogram"
for i in $(seq "$pairs"); do
  if (( i % 2 )); then a=$(run ""); b=$(run "$overlay"); else b=$(run "$overlay"); a=$(run ""); fi
  echo "$a $b" | awk '{print $1, $3}' >>"$logs/cpu.pairs"
  echo "$a $b" | awk '{print $2, $4}' >>"$logs/size.pairs"
  echo "pair $i: default $a, with manometer.jfc $b (CPU ns per 1000 requests, recording bytes)"
done
"$java" -cp "$bench" io.manometer.benchmarks.PairedRuns "CPU per request, manometer.jfc/default" <"$logs/cpu.pairs"
"$java" -cp "$bench" io.manometer.benchmarks.PairedRuns "recording size, manometer.jfc/default" <"$logs/size.pairs"
sort -n "$logs/pauses.txt" | awk '{a[NR] = $1} END { if (NR) printf "heap histogram pauses: %d, median %.1f ms, max %.1f ms\n", NR, a[int((NR + 1) / 2)], a[NR] }'

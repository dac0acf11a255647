#!/usr/bin/env bash
# What a descriptor schema would buy (issue #18, 3a), measured before building it: the same queues'
# samples written as the agent writes them today (every field in every sample) and in a lean shape
# (what never changes once per buffer in a descriptor event, the sample kept to the numbers that
# move), then read by JFR's reader and by the analyzer's positional scanner, interleaved.
# Prints each file's size and the readers' times and ratios: median and range over the rounds.
# Usage: benchmarks/analyzer/sample-shape.sh [buffers] [periods] [rounds]   (build first)
set -euo pipefail
cd "$(dirname "$0")/../.."
java="${JAVA_HOME:-/usr}/bin/java"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The quick JIT tier, as the analyzer's launcher runs.
"$java" -XX:TieredStopAtLevel=1 -cp benchmarks/target/benchmarks.jar \
  io.manometer.benchmarks.analyzer.SampleShapeExperiment "$work" "${1:-2000}" "${2:-600}" "${3:-5}"

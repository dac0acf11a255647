#!/usr/bin/env bash
# Analyzer reading speed and memory: records a dense recording (2,000 busy queues under the agent,
# JFR's profile settings, queues sampled every 50 ms instead of every second, so a few minutes make
# the events of hours; JFR cuts it into chunks of about 12 MB as any long recording), then times
# `manometer analyze` in -Xmx256m against a bare unordered EventStream loop over the same file
# with handlers for the same events. Prints the ratio.
# The recording is one real run, not copies of a short one laid end to end: JFR's reader converts
# every chunk's timestamps with the first chunk's clock, so copies would all read as the same
# seconds.
# Usage: benchmarks/analyzer/read-speed.sh [seconds-of-recording]   (build first; 70 s ~ 150 MB)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-70}"
queues=2000
java="${JAVA_HOME:-/usr}/bin/java"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jfr="$work/dense.jfr"
bench=benchmarks/target/benchmarks.jar

home=$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.home/ {print $2}')
sed 's#</configuration>#<event name="manometer.QueueSample"><setting name="enabled">true</setting><setting name="period">50 ms</setting></event></configuration>#' \
  "$home/lib/jfr/profile.jfc" > "$work/dense.jfc"

echo "recording ${seconds}s of $queues busy queues, sampled every 50 ms..."
"$java" -javaagent:agent/target/manometer-agent.jar=max.buffers=$queues \
  -XX:StartFlightRecording=filename="$jfr",settings="$work/dense.jfc" -Xlog:jfr+startup=error \
  -cp "$bench" io.manometer.benchmarks.analyzer.ManyBuffersWorkload "$seconds" "$queues" > /dev/null
size=$(stat -c %s "$jfr")

time_ms() { local s e; s=$(date +%s%N); "$@" > "$work/out" 2>&1 || { cat "$work/out"; exit 1; }; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
# Warm the file cache, then alternate the two readers three times each and keep the best of each.
"$java" -cp "$bench" io.manometer.benchmarks.analyzer.BareRecordingRead "$jfr" | awk '{print $2}' > "$work/events"
best_bare=999999999; best_analyze=999999999
for _ in 1 2 3; do
  t=$(time_ms "$java" -Xmx256m -cp "$bench" io.manometer.benchmarks.analyzer.BareRecordingRead "$jfr")
  (( t < best_bare )) && best_bare=$t
  t=$(time_ms "$java" -Xmx256m -jar analyzer-cli/target/manometer.jar analyze --fail-on never "$jfr")
  (( t < best_analyze )) && best_analyze=$t
done
mb=$(awk "BEGIN {printf \"%.1f\", $size / 1e6}")
echo "JDK: $("$java" -version 2>&1 | head -1); recording $mb MB (${seconds}s), $(cat "$work/events") events handled"
echo "bare EventStream loop, same handlers: $best_bare ms ($(awk "BEGIN {printf \"%.0f\", $size / 1e3 / $best_bare}") MB/s)"
echo "manometer analyze, -Xmx256m:         $best_analyze ms ($(awk "BEGIN {printf \"%.0f\", $size / 1e3 / $best_analyze}") MB/s)"
echo "analyzer throughput / bare: $(awk "BEGIN {printf \"%.2f\", $best_bare / $best_analyze}")"

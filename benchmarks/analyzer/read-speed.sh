#!/usr/bin/env bash
# Analyzer reading speed and memory: records a dense recording (2,000 busy queues under the agent,
# JFR's profile settings, queues sampled every 50 ms instead of every second, so a few minutes make
# the events of hours; JFR cuts it into chunks of about 12 MB as any long recording), then times
# `manometer analyze` in -Xmx256m against a bare unordered EventStream loop over the same file
# with handlers for the same events and against JDK Mission Control's whole rule engine (JmcRules),
# best of three each, wall time and peak resident memory. Prints the ratios. The analyzer runs as
# users run it, through the distribution's launcher (bin/manometer, quick JIT tier only), and
# once more as a plain java -jar with both JIT tiers, to show what the launcher's choice is worth.
# The recording is one real run, not copies of a short one laid end to end: JFR's reader converts
# every chunk's timestamps with the first chunk's clock, so copies would all read as the same
# seconds.
# Usage: benchmarks/analyzer/read-speed.sh [seconds-of-recording]   (build first; 70 s ~ 150 MB)
#        RECORDING=file.jfr benchmarks/analyzer/read-speed.sh          (time the readers on that file)
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

if [ -n "${RECORDING:-}" ]; then # a recording made before (a 1 GB one takes minutes to make)
  jfr=$RECORDING
else
  echo "recording ${seconds}s of $queues busy queues, sampled every 50 ms..."
  "$java" -javaagent:agent/target/manometer-agent.jar=max.buffers=$queues \
    -XX:StartFlightRecording=filename="$jfr",settings="$work/dense.jfc" -Xlog:jfr+startup=error \
    -cp "$bench" io.manometer.benchmarks.analyzer.ManyBuffersWorkload "$seconds" "$queues" > /dev/null
fi
size=$(stat -c %s "$jfr")

# Wall milliseconds and peak resident memory (MB) of one command.
run() { /usr/bin/time -f "%e %M" -o "$work/usage" "$@" > "$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  awk '{printf "%d %d", $1 * 1000, $2 / 1024}' "$work/usage"; }
# Warm the file cache, then alternate the readers three times each and keep the best of each.
"$java" -cp "$bench" io.manometer.benchmarks.analyzer.BareRecordingRead "$jfr" | awk '{print $2}' > "$work/events"
declare -A best_ms best_mb
for _ in 1 2 3; do
  for reader in bare analyze tiered jmc; do
    case $reader in
      bare) read -r ms mb <<< "$(run "$java" -Xmx256m -cp "$bench" io.manometer.benchmarks.analyzer.BareRecordingRead "$jfr")" ;;
      analyze) read -r ms mb <<< "$(run env MANOMETER_OPTS=-Xmx256m JAVA_HOME="$home" distribution/target/manometer/bin/manometer analyze --fail-on never "$jfr")" ;;
      tiered) read -r ms mb <<< "$(run "$java" -Xmx256m -jar analyzer-cli/target/manometer.jar analyze --fail-on never "$jfr")" ;;
      jmc) read -r ms mb <<< "$(run "$java" -cp "$bench" io.manometer.benchmarks.analyzer.JmcRules "$jfr")" ;;
    esac
    if [ -z "${best_ms[$reader]:-}" ] || (( ms < best_ms[$reader] )); then best_ms[$reader]=$ms; best_mb[$reader]=$mb; fi
  done
done
mb=$(awk "BEGIN {printf \"%.1f\", $size / 1e6}")
line() { printf '%-46s %6d ms (%4.0f MB/s), %4d MB resident\n' "$1" "${best_ms[$2]}" \
  "$(awk "BEGIN {print $size / 1e3 / ${best_ms[$2]}}")" "${best_mb[$2]}"; }
made=${RECORDING:+"$RECORDING"}
echo "JDK: $("$java" -version 2>&1 | head -1); recording $mb MB (${made:-${seconds}s recorded here}), $(cat "$work/events") events handled; best of 3"
line "bare EventStream loop, same handlers:" bare
line "manometer analyze, -Xmx256m:" analyze
line "java -jar manometer.jar, both JIT tiers:" tiered
line "JDK Mission Control 9.1, all rules:" jmc
echo "analyzer throughput / bare: $(awk "BEGIN {printf \"%.2f\", ${best_ms[bare]} / ${best_ms[analyze]}}");" \
  "analyzer speed / JMC's rules: $(awk "BEGIN {printf \"%.2f\", ${best_ms[jmc]} / ${best_ms[analyze]}}")x;" \
  "memory: $(awk "BEGIN {printf \"%.2f\", ${best_mb[analyze]} / ${best_mb[jmc]}}") of JMC's"

#!/usr/bin/env bash
# Analyzer reading speed and memory: records a dense recording (2,000 busy queues under the agent,
# JFR's profile settings, queues sampled every 50 ms instead of every second, so a few minutes make
# the events of hours; JFR cuts it into chunks of about 12 MB as any long recording), then times
# `manometer analyze` in -Xmx256m against a bare unordered EventStream loop over the same file
# with handlers for the same events and against JDK Mission Control's whole rule engine (JmcRules),
# interleaved rounds (ROUNDS, default 6), wall time and peak resident memory. Prints each reader's
# median and range, and the per-round ratios' median with its 95 % interval. The analyzer runs as
# users run it, through the distribution's launcher (bin/manometer, quick JIT tier only), and
# once more as a plain java -jar with both JIT tiers, to show what the launcher's choice is worth.
# The recording is one real run, not copies of a short one laid end to end: JFR's reader converts
# every chunk's timestamps with the first chunk's clock, so copies would all read as the same
# seconds.
# Usage: benchmarks/analyzer/read-speed.sh [seconds-of-recording]   (build first; 70 s ~ 150 MB)
#        RECORDING=file.jfr benchmarks/analyzer/read-speed.sh          (time the readers on that file)
#        BASELINE=old/manometer.jar benchmarks/analyzer/read-speed.sh   (also an earlier build's CLI jar,
#                                   run as java -jar beside this build's, to time a change in one session)
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
# Warm the file cache, then alternate the readers, ROUNDS times each (default 6).
"$java" -cp "$bench" io.manometer.benchmarks.analyzer.BareRecordingRead "$jfr" | awk '{print $2}' > "$work/events"
rounds="${ROUNDS:-6}"
declare -A all_ms all_mb
for _ in $(seq "$rounds"); do
  for reader in bare analyze tiered jmc ${BASELINE:+baseline}; do
    case $reader in
      bare) read -r ms mb <<< "$(run "$java" -Xmx256m -cp "$bench" io.manometer.benchmarks.analyzer.BareRecordingRead "$jfr")" ;;
      analyze) read -r ms mb <<< "$(run env MANOMETER_OPTS=-Xmx256m JAVA_HOME="$home" distribution/target/manometer/bin/manometer analyze --fail-on never "$jfr")" ;;
      tiered) read -r ms mb <<< "$(run "$java" -Xmx256m -jar analyzer-cli/target/manometer.jar analyze --fail-on never "$jfr")" ;;
      jmc) read -r ms mb <<< "$(run "$java" -cp "$bench" io.manometer.benchmarks.analyzer.JmcRules "$jfr")" ;;
      baseline) read -r ms mb <<< "$(run "$java" -Xmx256m -jar "$BASELINE" analyze --fail-on never "$jfr")" ;;
    esac
    all_ms[$reader]+="$ms "
    all_mb[$reader]+="$mb "
  done
done
mb=$(awk "BEGIN {printf \"%.1f\", $size / 1e6}")
stats() { printf '%s\n' $1 | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)], a[1], a[NR]}'; }
line() { read -r med lo hi <<< "$(stats "${all_ms[$2]}")"; read -r mem _ _ <<< "$(stats "${all_mb[$2]}")"
  printf '%-42s %6d ms [%d-%d] (%4.0f MB/s), %4d MB resident\n' "$1" "$med" "$lo" "$hi" \
    "$(awk "BEGIN {print $size / 1e3 / $med}")" "$mem"; }
made=${RECORDING:+"$RECORDING"}
echo "JDK: $("$java" -version 2>&1 | head -1); recording $mb MB (${made:-${seconds}s recorded here}), $(cat "$work/events") events handled; median [min-max] of $rounds interleaved rounds"
line "bare EventStream loop, same handlers:" bare
line "manometer analyze, -Xmx256m:" analyze
line "java -jar manometer.jar, both JIT tiers:" tiered
line "JDK Mission Control 9.1, all rules:" jmc
[ -z "${BASELINE:-}" ] || line "baseline build, java -jar, both JIT tiers:" baseline
# Per-round ratios, median and distribution-free 95 % interval (PairedRuns divides the second column by the first).
ratios() { paste -d' ' <(printf '%s\n' $1) <(printf '%s\n' $2) | "$java" -cp "$bench" io.manometer.benchmarks.PairedRuns "$3"; }
ratios "${all_ms[analyze]}" "${all_ms[bare]}" "analyzer throughput / bare loop's"
ratios "${all_ms[analyze]}" "${all_ms[jmc]}" "analyzer speed / JMC's rules'"
ratios "${all_mb[jmc]}" "${all_mb[analyze]}" "analyzer memory / JMC's"
[ -z "${BASELINE:-}" ] || ratios "${all_ms[baseline]}" "${all_ms[tiered]}" "this build's time / the baseline's"

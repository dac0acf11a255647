#!/usr/bin/env bash
# What the live verdict costs (the agent's own recording, sampling twice a second, judging once a
# second) with many tracked buffers: CPU seconds (user + sys) of the same workload with the agent's
# record=auto against record=off, in interleaved pairs; prints the difference as a share of one core,
# over the whole run (start-up included) and in steady state (from second STEADY_FROM to the end, as
# the workload itself measures its process CPU), and minute by minute.
# Usage: benchmarks/live/live-cost.sh [pairs] [seconds] [queues] [steady_from]
#   (JAVA_HOME selects the JDK; build first: mvn -DskipTests package)
#   BASELINE_AGENT=old/manometer-agent.jar benchmarks/live/live-cost.sh ...
#     pairs this build's record=auto with an earlier build's record=auto instead of with record=off:
#     a change to the agent measured against its predecessor in one session.
set -euo pipefail
cd "$(dirname "$0")/../.."
pairs="${1:-5}"
seconds="${2:-30}"
queues="${3:-10000}"
steady_from="${4:-15}"
java="${JAVA_HOME:-/usr}/bin/java"
agent=agent/target/manometer-agent.jar
bench=benchmarks/target/benchmarks.jar
[ -f "$agent" ] && [ -f "$bench" ] || { echo "build first: mvn -DskipTests package" >&2; exit 2; }

logs=benchmarks/target/live-cost
mkdir -p "$logs"

baseline="${BASELINE_AGENT:-}"
verdict="live verdict"
reference="record=off"
[ -z "$baseline" ] || { verdict="this build over the baseline, both record=auto"; reference="baseline record=auto"; }

cpu_seconds() { # runs the workload with the given agent options (and jar); prints "whole steady" CPU seconds
  local log="$logs/$2.txt" # the workload's own lines: steady CPU per thread (JIT and collector too)
  { /usr/bin/time -f "time %U %S" "$java" -Xmx512m -javaagent:"${3:-$agent}=$1" \
      -cp "$bench" io.manometer.benchmarks.live.TrackedBuffersWorkload "$seconds" "$queues" "$steady_from" \
      > "$log"; } 2>&1 | awk -v file="$log" '/^time/ {t = $2 + $3} END {
        while ((getline line < file) > 0) if (line ~ /^steady:/) {split(line, f, " "); s = f[2]}
        printf "%.2f %.3f", t, s}'
}

share() { # CPU seconds with, without, over seconds: the difference as a percentage of one core
  awk -v a="$1" -v b="$2" -v s="$3" 'BEGIN {printf "%.2f", 100 * (a - b) / s}'
}

signed() { # a share with its sign: +0.46, -0.30
  case $1 in -*) echo "$1" ;; *) echo "+$1" ;; esac
}

windows() { # a run's windows, sorted for join: "from-to cpu_seconds"
  awk '/^window/ {print $2, $4}' "$1" | sort
}

summary() { # label, then the per-pair shares
  local label="$1"
  shift
  printf '%s\n' "$@" | sort -n | awk -v label="$label" -v verdict="$verdict" '{a[NR] = $1; s += $1; ss += $1 * $1} END {
    m = s / NR; sd = (NR > 1) ? sqrt((ss - NR * m * m) / (NR - 1)) : 0
    t = (NR == 2) ? 12.706 : (NR == 3) ? 4.303 : (NR == 4) ? 3.182 : 2.776
    h = (NR > 1) ? t * sd / sqrt(NR) : 0
    printf "%s, %s: median %+.2f%% of one core (mean %.2f%%, 95%% interval %.2f to %.2f)\n",
      verdict, label, a[int((NR + 1) / 2)], m, m - h, m + h}'
}

echo "JDK: $("$java" -version 2>&1 | head -1); $(nproc) cores; $queues tracked queues;" \
  "$pairs pairs of $seconds s, steady state from ${steady_from} s"
whole=()
steady=()
by_window=() # "from-to share" of every pair
for i in $(seq "$pairs"); do
  if [ -n "$baseline" ]; then # the file keeps its name: it is the side the other is measured against
    read -r off off_steady <<< "$(cpu_seconds "record=auto,max.buffers=200" "off-$i" "$baseline")"
  else
    read -r off off_steady <<< "$(cpu_seconds "record=off,max.buffers=200" "off-$i")"
  fi
  read -r on on_steady <<< "$(cpu_seconds "record=auto,max.buffers=200" "auto-$i")"
  whole+=("$(share "$on" "$off" "$seconds")")
  steady+=("$(share "$on_steady" "$off_steady" "$((seconds - steady_from))")")
  while read -r span a b; do
    by_window+=("$span $(share "$a" "$b" "$(( ${span#*-} - ${span%-*} ))")")
  done < <(join <(windows "$logs/auto-$i.txt") <(windows "$logs/off-$i.txt"))
  echo "pair $i: $reference ${off} s CPU (${off_steady} steady), record=auto ${on} s CPU (${on_steady} steady):" \
    "$(signed "${whole[-1]}")% of one core over the run, $(signed "${steady[-1]}")% in steady state"
done
summary "whole run (JFR's start-up included)" "${whole[@]}"
summary "steady state" "${steady[@]}"
# Minute by minute: the JIT's share falls as it settles (each run's window lines say by thread).
for span in $(printf '%s\n' "${by_window[@]}" | awk '{print $1}' | sort -t- -k1,1n -u); do
  summary "seconds $span" $(printf '%s\n' "${by_window[@]}" | awk -v s="$span" '$1 == s {print $2}')
done
echo "each run's steady CPU by thread: $logs/"

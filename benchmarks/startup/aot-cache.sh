#!/usr/bin/env bash
# JDK 25's ahead-of-time cache (JEP 483/514) with the agent: does a cache made with the agent
# present start the JVM faster, and does the agent still see what it must?
# A training run of each variant writes its cache (-XX:AOTCacheOutput); then, interleaved, each
# variant runs with and without its cache: wall and CPU (user + system) time, median and range, and
# how many classes the JVM took from the cache (-Xlog:class+load), the agent's own among them.
# Usage: benchmarks/startup/aot-cache.sh [runs]   (JAVA_HOME: a JDK 25; build the agent and CLI first)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
agent=agent/target/manometer-agent.jar
cli=analyzer-cli/target/manometer.jar
[ -f "$agent" ] && [ -f "$cli" ] || { echo "build first: mvn -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A class-heavy start: the CLI (picocli, Jackson, the analyzer) listing its detectors.
app=(-jar "$cli" detectors)
"$java" -XX:AOTCacheOutput="$work/plain.aot" "${app[@]}" > /dev/null 2>&1
"$java" -XX:AOTCacheOutput="$work/agent.aot" -javaagent:"$agent" "${app[@]}" > /dev/null 2>&1
variants=(
  "none|"
  "none+cache|-XX:AOTCache=$work/plain.aot"
  "agent|-javaagent:$agent"
  "agent+cache|-XX:AOTCache=$work/agent.aot -javaagent:$agent"
)
declare -A wall cpu
for _ in $(seq "$runs"); do
  for v in "${variants[@]}"; do
    name="${v%%|*}"
    # shellcheck disable=SC2086 # the options are words
    /usr/bin/time -o "$work/time" -f '%e %U %S' "$java" ${v#*|} "${app[@]}" > /dev/null 2>&1
    read -r e u s < "$work/time"
    wall[$name]+="$(awk -v e="$e" 'BEGIN {printf "%d", e * 1000}') "
    cpu[$name]+="$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%d", (u + s) * 1000}') "
  done
done
stats() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {printf "%5d ms (%d-%d)", a[int((NR+1)/2)], a[1], a[NR]}'; }
echo "$("$java" -version 2>&1 | head -1), $runs interleaved runs each, $(nproc) cores"
printf '%-12s %-22s %-22s %s\n' variant "wall median (range)" "cpu median (range)" "classes from the cache"
for v in "${variants[@]}"; do
  name="${v%%|*}"
  # shellcheck disable=SC2086
  loads=$("$java" ${v#*|} -Xlog:class+load=info "${app[@]}" 2>/dev/null | grep 'source:' || true)
  shared=$(grep -c 'shared objects file' <<< "$loads" || true)
  ours=$(grep 'io.manometer.agent\|manometer.shaded\|io.manometer.bootstrap' <<< "$loads" | grep -c -v 'shared objects file' || true)
  printf '%-12s %-22s %-22s %s of %s (agent classes not from it: %s)\n' "$name" "$(stats "${wall[$name]}")" \
    "$(stats "${cpu[$name]}")" "$shared" "$(wc -l <<< "$loads")" "$ours"
done

#!/bin/bash
# The loop a user would time by hand (PlainLoop), one JVM per run, with and without the agent
# interleaved, for each queue and each way of calling offer; prints the median of each and the
# difference per offer+poll pair, then the median of the runs' paired differences with its
# distribution-free 95 % interval (from 6 runs on).
#   benchmarks/plainloop/plain-loop.sh [RUNS] [AGENT_OPTIONS]   (from the project root, after mvn package)
# QUEUES="abq lbq deque" chooses the queues (deque: an ArrayDeque of 4,096 elements, the large-deque path).
set -euo pipefail
runs=${1:-7}
options=${2:-}
java="${JAVA_HOME:-/usr}/bin/java"
bench=benchmarks/target/benchmarks.jar
agent=agent/target/manometer-agent.jar${options:+=$options}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "JDK: $("$java" -version 2>&1 | head -1); $(nproc) cores; median of $runs interleaved runs, ns per offer+poll"
for queue in ${QUEUES:-abq lbq deque}; do
    for call in discard check; do
        without=(); with=()
        for _ in $(seq "$runs"); do
            without+=("$("$java" -cp "$bench" io.manometer.benchmarks.plain.PlainLoop "$queue" "$call")")
            with+=("$("$java" -javaagent:"$agent" -cp "$bench" io.manometer.benchmarks.plain.PlainLoop "$queue" "$call" 2>/dev/null | tail -1)")
        done
        a=$(printf '%s\n' "${without[@]}" | median)
        b=$(printf '%s\n' "${with[@]}" | median)
        awk -v q="$queue" -v c="$call" -v a="$a" -v b="$b" -v w="${without[*]}" -v x="${with[*]}" \
            'BEGIN { printf "%s %-7s no agent %6.2f  agent %6.2f  %+6.2f ns  (runs: %s | %s)\n", q, c, a, b, b - a, w, x }'
        paste -d' ' <(printf '%s\n' "${without[@]}") <(printf '%s\n' "${with[@]}") \
            | "$java" -cp "$bench" io.manometer.benchmarks.PairedRuns --difference "ns per pair" "$queue $call, paired runs"
    done
done

#!/bin/bash
# What 'manometer attach' costs a running JVM: the time from the command to the first sample, on a
# JVM with CLASSES loaded classes, and the per-operation cost of a LinkedBlockingQueue offer+poll
# before the attach, while the agent is in, and after it has left (same JVM, same run).
#   benchmarks/attach/attach-cost.sh [CLASSES] [RUNS]     (from the project root, after mvn package)
set -euo pipefail
classes=${1:-10000}
runs=${2:-3}
bench=benchmarks/target/benchmarks.jar
cli=analyzer-cli/target/manometer.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for run in $(seq 1 "$runs"); do
    java -cp "$bench" io.manometer.benchmarks.attach.AttachTarget "$classes" 75 > "$work/target.out" &
    target=$!
    until grep -q '^loaded' "$work/target.out" 2>/dev/null; do sleep 0.2; done
    sleep 20 # warm: the JIT settles
    attach_ms=$(date +%s%3N)
    java -jar "$cli" attach "$target" --duration 20s --keep "$work/attach.jfr" --fail-on never > /dev/null 2> "$work/attach.err"
    after_ms=$(date +%s%3N)
    first_sample_ms=$(jfr print --events manometer.QueueSample "$work/attach.jfr" | grep -m1 startTime \
        | sed 's/.*startTime = //' | xargs -I{} date -d {} +%s%3N)
    sleep 25
    wait "$target" || true
    awk -v a="$attach_ms" -v b="$after_ms" -v f="$first_sample_ms" -v run="$run" '
        NF == 2 && $1 ~ /^[0-9]+$/ {
            if ($1 < a - 1000 && $1 > a - 16000) { before += $2; nb++ }
            else if ($1 > f + 2000 && $1 < b - 1000) { during += $2; nd++ }
            else if ($1 > b + 3000) { after += $2; na++ }
        }
        END {
            printf "run %d: command to first sample %.1f s; offer+poll ns: before %.1f, attached %.1f (%+.1f), after detach %.1f (%+.1f)\n",
                run, (f - a) / 1000, before / nb, during / nd, during / nd - before / nb, after / na, after / na - before / nb
        }' "$work/target.out"
done

#!/usr/bin/env bash
# Start-up cost of the agent on a real application: a Spring Boot 3.5 web application (one
# @RestController, embedded Tomcat) started as its executable jar until it is ready to serve (as
# Spring reports it: "process running for"), then exited. Interleaved runs without the agent and
# with it (and with the agent's options given as arguments, to see where the time goes); prints
# each median and the difference, then for each agent variant the median ratio of the interleaved
# pairs (with / without) and its distribution-free 95 % interval (from 6 runs on).
# Usage: benchmarks/startup/spring-boot-startup.sh [runs] [agent options ...]
#   e.g. spring-boot-startup.sh 10 call.sites=false
#   (JAVA_HOME selects the JDK; build the agent first; the application is built here with Maven)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
shift || true
java="${JAVA_HOME:-/usr}/bin/java"
agent=agent/target/manometer-agent.jar
bench=benchmarks/target/benchmarks.jar
[ -f "$agent" ] && [ -f "$bench" ] || { echo "build first: mvn -DskipTests package" >&2; exit 2; }
app=benchmarks/startup/spring-boot
jar="$app/target/startup-hello-web-1.0.jar"
[ -f "$jar" ] || mvn -B -ntp -q -f "$app/pom.xml" package -DskipTests
variants=("" "-javaagent:$agent")
for options in "$@"; do
  variants+=("-javaagent:$agent=$options")
done

ready_ms() { # one start; prints the JVM's uptime in ms when Spring said it was ready
  "$java" $1 -Dexit.after.start=true -jar "$jar" --server.port=0 --spring.main.banner-mode=off \
    --logging.level.root=warn --logging.level.com.example=info 2>&1 \
    | sed -n 's/.*(process running for \([0-9.]*\)).*/\1/p' | awk '{printf "%d", $1 * 1000}'
}

declare -A times
for _ in $(seq "$runs"); do
  for i in "${!variants[@]}"; do
    times[$i]+="$(ready_ms "${variants[$i]}") "
  done
done
median() { printf '%s\n' $1 | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
base=$(median "${times[0]}")
echo "JDK: $("$java" -version 2>&1 | head -1); $(nproc) cores; $runs interleaved runs; JVM uptime when ready"
for i in "${!variants[@]}"; do
  m=$(median "${times[$i]}")
  printf '%-60s %6s ms  %+6d ms  %+5.1f%%   (%s)\n' "${variants[$i]:-no agent}" "$m" "$((m - base))" \
    "$(awk -v a="$m" -v b="$base" 'BEGIN {print 100 * (a - b) / b}')" "${times[$i]% }"
done
for i in "${!variants[@]}"; do
  [ "$i" -eq 0 ] && continue
  paste -d' ' <(printf '%s\n' ${times[0]}) <(printf '%s\n' ${times[$i]}) \
    | "$java" -cp "$bench" io.manometer.benchmarks.PairedRuns "${variants[$i]}, ready-time with/without"
done

#!/usr/bin/env bash
# The whole reliability suite at full size (about 11 min): builds what it needs (without running the
# other modules' tests), then injects every fault, runs every hostile workload at the size its promise
# is made for, soaks the Jetty server for 8 minutes and the planted one for 2, fuzzes 10,000 damaged
# recordings and checks payload privacy. RELIABILITY.md states the promises and the latest figures.
#
#   reliability/run-reliability.sh                          # on the JDK that runs Maven
#   reliability/run-reliability.sh /usr/lib/jvm/temurin-25-jdk-amd64   # the child JVMs on another JDK
#   RELIABILITY_ONLY=HostileWorkloadIT reliability/run-reliability.sh  # one test class
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp install -DskipTests -pl reliability -am
mvn -B -ntp verify -pl reliability -Dreliability=long ${1:+-Dtest.java.home=$1} ${RELIABILITY_ONLY:+-Dit.test=$RELIABILITY_ONLY}

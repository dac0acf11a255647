#!/usr/bin/env bash
# The whole corpus of shapes, scored: builds what it needs (without running the other modules'
# tests), runs every program under the agent, judges each recording, and prints the scorecard
# (also written to corpus/target/corpus/scorecard-jdk<N>.md).
#
#   corpus/run-corpus.sh                          # every program, on the JDK that runs Maven
#   corpus/run-corpus.sh /usr/lib/jvm/temurin-25-jdk-amd64   # the programs on another JDK
#   CORPUS_ONLY=refusal.,PromiseAll corpus/run-corpus.sh      # only the programs whose name contains one of these
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp install -DskipTests -pl corpus -am
mvn -B -ntp verify -pl corpus -Dcorpus=all ${1:+-Dtest.java.home=$1} ${CORPUS_ONLY:+-Dcorpus.only=$CORPUS_ONLY}

#!/usr/bin/env bash
# The whole corpus of shapes, scored: builds what it needs (without running the other modules'
# tests), runs every program under the agent, judges each recording, and prints the scorecard
# (also written to corpus/target/corpus/scorecard-jdk<N>.md).
#
#   corpus/run-corpus.sh                          # every program, on the JDK that runs Maven
#   corpus/run-corpus.sh /usr/lib/jvm/temurin-25-jdk-amd64   # the programs on another JDK
#   CORPUS_ONLY=refusal.,PromiseAll corpus/run-corpus.sh      # only the programs whose name contains one of these
#   corpus/run-corpus.sh "" manometer-jfc         # recorded without the agent: default, profile or manometer-jfc
#                                                 # (docs/no-agent.md; each program runs 16 s, not 10)
#   CORPUS_REJUDGE=corpus/target/corpus/runs123 corpus/run-corpus.sh "" manometer-jfc
#                                                 # judge an earlier run's recordings again (a rule changed)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp install -DskipTests -pl corpus -am
recorder="${2:-agent}"
seconds=10
[ "$recorder" = agent ] || seconds=16 # six heap histograms after warm-up, at 2 s each
mvn -B -ntp verify -pl corpus -Dit.test=CorpusIT -Dcorpus=all -Dcorpus.recorder="$recorder" -Dcorpus.seconds=$seconds \
    ${1:+-Dtest.java.home=$1} ${CORPUS_ONLY:+-Dcorpus.only=$CORPUS_ONLY} ${CORPUS_REJUDGE:+-Dcorpus.rejudge=$CORPUS_REJUDGE}

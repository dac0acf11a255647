package io.manometer.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of shapes, run and scored: every selected program in its own JVM under the real agent,
 * its recording judged, its label checked and the corpus's invariants with it. CI runs the fast
 * subset ({@code ci = true} in each label) on every JDK; {@code corpus/run-corpus.sh}
 * runs them all. Either way the scorecard is written to {@code target/corpus/scorecard-<jdk>.md}
 * before any assertion, so a failing run still says where it stands.
 */
class CorpusIT {
    static final Map<String, Judgement> JUDGEMENTS = new LinkedHashMap<>();
    static List<CorpusProgram> selected;
    static CorpusRun.Recorder recorder;

    @BeforeAll
    static void runTheCorpus() throws Exception {
        List<CorpusProgram> all = CorpusProgram.all(Path.of(System.getProperty("manometer.corpus.classes",
                "target/classes")));
        boolean everything = "all".equals(System.getProperty("manometer.corpus", "ci"));
        List<String> only = java.util.Arrays.stream(System.getProperty("manometer.corpus.only", "").split(","))
                .map(String::strip).filter(o -> !o.isEmpty()).toList();
        selected = all.stream()
                .filter(p -> everything || p.shape().ci())
                .filter(p -> only.isEmpty() || only.stream().anyMatch(o -> p.name().contains(o)))
                .filter(p -> p.shape().minJdk() <= io.manometer.testkit.ChildJvm.feature())
                .toList();
        Path report = Path.of(System.getProperty("manometer.corpus.report", "target/corpus"));
        Files.createDirectories(report);
        recorder = CorpusRun.Recorder.named(System.getProperty("manometer.corpus.recorder", "agent"));
        CorpusRun run = new CorpusRun(Files.createTempDirectory(report, "runs"),
                Long.getLong("manometer.corpus.seconds", 10), all).recordedBy(recorder);
        String earlierRun = System.getProperty("manometer.corpus.rejudge", "");
        if (!earlierRun.isBlank()) {
            run.rejudging(Path.of(earlierRun));
        }
        // A subset picked by name is a developer's look at a few programs: it writes no scorecard.
        boolean picked = !only.isEmpty();
        List<Judgement> judgements = new ArrayList<>();
        for (CorpusProgram program : selected) {
            Judgement j = Judgement.of(run.run(program));
            judgements.add(j);
            JUDGEMENTS.put(program.name(), j);
            System.out.printf("corpus: %-45s %-15s %s%n", program.name(), j.result().label(), j.detail());
        }
        if (picked) {
            return;
        }
        String card = new Scorecard(judgements).markdown("Corpus of shapes, " + (everything ? "whole" : "CI subset")
                + ", JDK " + io.manometer.testkit.ChildJvm.feature() + " (" + selected.size() + " programs)"
                + (recorder.agent() ? "" : ", recorded without the agent: " + recorder.description()));
        Files.writeString(report.resolve("scorecard-jdk" + io.manometer.testkit.ChildJvm.feature() + (everything ? "" : "-ci")
                + (recorder.agent() ? "" : "-" + recorder.name().toLowerCase(java.util.Locale.ROOT)) + ".md"), card,
                StandardCharsets.UTF_8);
        System.out.println(card);
    }

    static Stream<String> programs() {
        return JUDGEMENTS.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void theLabelHolds(String program) {
        Judgement j = JUDGEMENTS.get(program);
        // Without the agent a miss is scored, not failed: the healthy must still stay quiet.
        org.junit.jupiter.api.Assumptions.assumeTrue(recorder.agent() || j.program().healthy(),
                "a broken program recorded without the agent: scored in the scorecard");
        assertThat(j.passes()).as("%s (%s): %s, %s", program, j.program().shape().behaviour(), j.result().label(),
                j.detail()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void theInvariantsHold(String program) {
        Judgement j = JUDGEMENTS.get(program);
        assertThat(j.violations()).as("%s: %s", program, j.detail()).isEmpty();
    }

    /** Healthy twins as many as broken programs, in the whole corpus. */
    @Test
    void theCorpusIsBalanced() {
        List<CorpusProgram> all = CorpusProgram.all(Path.of(System.getProperty("manometer.corpus.classes",
                "target/classes")));
        long healthy = all.stream().filter(CorpusProgram::healthy).count();
        assertThat(all).hasSizeGreaterThanOrEqualTo(60);
        assertThat(healthy).isGreaterThanOrEqualTo(all.size() - healthy);
    }
}

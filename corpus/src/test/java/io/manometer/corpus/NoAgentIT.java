package io.manometer.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recordings teams already make, without the agent: a pool whose queue has no bound and its fixed
 * twin (caller runs), each recorded as JFR's {@code default} and {@code profile} settings record
 * them and with Manometer's overlay ({@code jfr/manometer.jfc}), then judged as a user would with
 * {@code manometer analyze}. The overlay must name the broken pool's line; no setting may flag the
 * healthy twin; and no report of a recording without the agent may read as a clean bill of health.
 * The overlay must also name the pool that never waits for work behind the backlog.
 * The whole corpus, scored the same way: {@code corpus/run-corpus.sh} with {@code -Dcorpus.recorder}.
 */
class NoAgentIT {
    /** Long enough for the growth rules' six points after warm-up at the overlay's 2 s histograms. */
    static final long SECONDS = 16;
    static final CorpusProgram BROKEN = load(com.example.shapes.executor.FixedPoolOverload.class);
    static final CorpusProgram HEALTHY = load(com.example.shapes.executor.FixedPoolCallerRuns.class);
    static final List<CorpusRun.Recorder> SETTINGS = List.of(CorpusRun.Recorder.MANOMETER_JFC,
            CorpusRun.Recorder.PROFILE, CorpusRun.Recorder.DEFAULT);
    static final Map<CorpusRun.Recorder, CorpusRun.Outcome> BROKEN_RUNS = new EnumMap<>(CorpusRun.Recorder.class);
    static final Map<CorpusRun.Recorder, CorpusRun.Outcome> HEALTHY_RUNS = new EnumMap<>(CorpusRun.Recorder.class);

    @BeforeAll
    static void recordWithoutTheAgent() throws Exception {
        Path report = Files.createDirectories(Path.of(System.getProperty("manometer.corpus.report", "target/corpus")));
        List<CorpusProgram> both = List.of(BROKEN, HEALTHY);
        ExecutorService twoAtATime = Executors.newFixedThreadPool(2); // two cores: a broken run beside its twin
        try {
            for (CorpusRun.Recorder setting : SETTINGS) {
                CorpusRun run = new CorpusRun(Files.createTempDirectory(report, "no-agent"), SECONDS, both)
                        .recordedBy(setting);
                Future<CorpusRun.Outcome> broken = twoAtATime.submit(() -> run.run(BROKEN));
                Future<CorpusRun.Outcome> healthy = twoAtATime.submit(() -> run.run(HEALTHY));
                BROKEN_RUNS.put(setting, broken.get());
                HEALTHY_RUNS.put(setting, healthy.get());
            }
        } finally {
            twoAtATime.shutdownNow();
        }
    }

    @Test
    void theOverlayNamesTheBrokenPoolsLine() {
        CorpusRun.Outcome run = BROKEN_RUNS.get(CorpusRun.Recorder.MANOMETER_JFC);
        assertThat(run.error()).as(String.valueOf(run.process())).isNull();
        assertThat(alarming(run)).as(run.textReport())
                .anySatisfy(f -> {
                    assertThat(f.kind()).isEqualTo("object-growth");
                    assertThat(BROKEN.isOwnFrame(f.site())).as(f.site()).isTrue();
                    assertThat(f.summary()).contains("judged without the agent");
                });
    }

    @Test
    void theOverlayNamesTheSaturatedPoolBehindTheBacklog() {
        // Its two workers never wait for work while the tasks pile up; the twin's, as busy, have a bound.
        CorpusRun.Outcome run = BROKEN_RUNS.get(CorpusRun.Recorder.MANOMETER_JFC);
        assertThat(alarming(run)).as(run.textReport())
                .anySatisfy(f -> {
                    assertThat(f.kind()).isEqualTo("pool-saturation");
                    // At what its workers do when JFR samples them; made by the program's own submits.
                    assertThat(f.site()).startsWith("com.example.shapes.");
                    assertThat(BROKEN.isOwnFrame(f.createdBy())).as(f.createdBy()).isTrue();
                    assertThat(f.summary()).contains("never waited for work").contains("judged without the agent");
                });
    }

    @Test
    void noSettingFlagsTheHealthyTwin() {
        HEALTHY_RUNS.forEach((setting, run) -> {
            assertThat(run.error()).as(setting + ": " + run.process()).isNull();
            assertThat(alarming(run)).as(setting + ":\n" + run.textReport()).isEmpty();
        });
    }

    @Test
    void noReportWithoutTheAgentReadsAsACleanBill() {
        for (Map<CorpusRun.Recorder, CorpusRun.Outcome> runs : List.of(BROKEN_RUNS, HEALTHY_RUNS)) {
            runs.forEach((setting, run) -> assertThat(run.textReport()).as(setting.name())
                    .doesNotContain("kept pace")
                    .contains("judged without the agent")
                    .contains("queues, executors, async launches, byte buffers and network buffers were not watched"));
        }
        assertThat(HEALTHY_RUNS.get(CorpusRun.Recorder.DEFAULT).textReport())
                .contains("no heap histograms (jdk.ObjectCount): record with jfr/manometer.jfc");
    }

    private static List<Finding> alarming(CorpusRun.Outcome run) {
        return run.findings().stream().filter(f -> f.severity().atLeast(Severity.WARNING)).toList();
    }

    private static CorpusProgram load(Class<?> type) {
        return new CorpusProgram(type, type.getAnnotation(io.manometer.corpus.Shape.class));
    }
}

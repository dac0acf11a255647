package io.manometer.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.reading.TestRecordings;
import org.junit.jupiter.api.Test;

/**
 * A pool that never waits for work while a backlog grows is saturated and unbounded: reported
 * without the agent, naming what its workers do. A pool that waited, or one with no backlog
 * behind it (a bounded queue whose callers run the overflow), is quiet.
 */
class PoolSaturationDetectorTest {
    private static final String SUBMIT = "com.example.Orders.submit(Orders.java:42)";
    private static final String WORK = "com.example.Orders.price(Orders.java:77)";
    private final PoolSaturationDetector detector = new PoolSaturationDetector();

    private static TestRecordings growingBacklog() {
        return TestRecordings.create().withoutAgent()
                .population("java.util.concurrent.FutureTask", 20, 32, s -> 1_000 + 4_000 * s)
                .allocated("java.util.concurrent.FutureTask", SUBMIT, 30);
    }

    @Test
    void workersThatNeverWaitWhileTheBacklogGrowsAreNamedAtWhatTheyDo() {
        var findings = detector.detect(growingBacklog().poolStarted(SUBMIT, 4).poolBusy(WORK, 40).build(),
                Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("pool-saturation");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.site()).isEqualTo(WORK);
            assertThat(f.summary()).contains("4 workers of pool-1-thread-*").contains("FutureTask")
                    .contains("judged without the agent");
            assertThat(f.explanation()).contains("100 % of 40 samples").contains("submitted at " + SUBMIT)
                    .contains("-javaagent").doesNotContain("threads parks");
            assertThat(detector.figures()).containsAll(f.figures().present());
        });
    }

    @Test
    void withTooFewSamplesOfTheWorkersTheSubmittingLineIsNamed() {
        assertThat(detector.detect(growingBacklog().poolStarted(SUBMIT, 2).poolBusy(WORK, 3).build(),
                Preferences.defaults())).singleElement().satisfies(f -> {
                    assertThat(f.site()).isEqualTo(SUBMIT);
                    assertThat(f.explanation()).contains("too few to name what they do");
                });
    }

    @Test
    void aPoolThatWaitedForWorkWhileTheBacklogGrewKeptUpWithItsShare() {
        assertThat(detector.detect(growingBacklog().poolStarted(SUBMIT, 4).poolWaited(15).build(),
                Preferences.defaults())).isEmpty();
    }

    @Test
    void aSaturatedPoolWithNoGrowingBacklogIsBackpressureAtWork() {
        assertThat(detector.detect(TestRecordings.create().withoutAgent()
                .population("java.util.concurrent.FutureTask", 20, 32, s -> 50_000 + (s % 3) * 10)
                .poolStarted(SUBMIT, 4).poolBusy(WORK, 40).build(), Preferences.defaults())).isEmpty();
    }

    @Test
    void aRecordingWithTheAgentIsJudgedByTheAgentsRules() {
        assertThat(detector.detect(TestRecordings.create()
                .population("java.util.concurrent.FutureTask", 20, 32, s -> 4_000 * s)
                .poolStarted(SUBMIT, 4).build(), Preferences.defaults())).isEmpty();
    }
}

package io.manometer.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.TestRecordings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacklogGrowthDetectorTest {
    private final BacklogGrowthDetector detector = new BacklogGrowthDetector();

    @Test
    void steadyGrowthOfAnUnboundedQueueIsAWarningAtItsCreationSite() {
        List<Finding> findings = detect(TestRecordings.create().queue(1, -1, 20, 1000, s -> 500 * s).build());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("queue-backlog");
            assertThat(f.severity()).isIn(Severity.WARNING, Severity.CRITICAL);
            assertThat(f.site()).isEqualTo("com.example.Pipeline.start(Pipeline.java:42)");
            assertThat(f.figure(Figure.GROWTH_PER_SECOND)).isEqualTo(500.0);
            assertThat(f.figure(Figure.FINAL_DEPTH)).isEqualTo(10_000);
            // The fixture removes 1000/s and inserts 500/s more: 10,000 waiting drain in 10 s.
            assertThat(f.figure(Figure.ESTIMATED_WAIT_SECONDS)).isEqualTo(10.0);
            assertThat(f.summary()).contains("LinkedBlockingQueue").contains("500");
            assertThat(f.solution()).contains("ArrayBlockingQueue");
        });
    }

    @Test
    void aQueueWhoseCreationWasNotSeenIsNamedWhereItIsFed() {
        String enqueue = "okhttp3.Dispatcher.enqueue$okhttp(Dispatcher.kt:116)";
        List<Finding> findings = detect(TestRecordings.create().queue(1, -1, 20, 1000, s -> 500 * s)
                .creationUnseen(1, enqueue).build());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.site()).isEqualTo(enqueue);
            assertThat(f.summary()).contains("ArrayDeque").contains("fed at " + enqueue).doesNotContain("created at");
        });
    }

    @Test
    void theMeasuredWaitOfTheOldestElementIsReportedWhenTheAgentRecordedIt() {
        List<Finding> measured = detect(TestRecordings.create().queue(1, -1, 20, 1000, s -> 500 * s)
                .oldestWait(1, 12_500).build());
        assertThat(measured).singleElement().satisfies(f -> assertThat(f.figure(Figure.OLDEST_WAIT_SECONDS)).isEqualTo(12.5));
        List<Finding> unknown = detect(TestRecordings.create().queue(1, -1, 20, 1000, s -> 500 * s).build());
        assertThat(unknown).singleElement().satisfies(f -> assertThat(f.figure(Figure.OLDEST_WAIT_SECONDS)).isNull());
    }

    @Test
    void scheduledTasksWaitingForTheirTimeAreNotABacklogUntilTheyRunLate() {
        // 1,000 timeouts a second, each 30 s ahead (CompletableFuture.orTimeout): the queue grows for
        // 30 s by design while every task runs on time.
        assertThat(detect(TestRecordings.create().scheduledExecutor(1, 20, 1000, 0).build())).isEmpty();
        assertThat(detect(TestRecordings.create().queue(1, -1, 20, 1000, s -> 1000 * s).delayed(1).oldestWait(1, 0)
                .build())).as("a DelayQueue of elements not yet due").isEmpty();
        assertThat(detect(TestRecordings.create().scheduledExecutor(1, 20, 1000, 4_000).build()))
                .singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("executor-backlog");
                    assertThat(f.figure(Figure.OLDEST_WAIT_SECONDS)).isEqualTo(4.0);
                });
    }

    @Test
    void hugeBacklogStillGrowingIsCritical() {
        List<Finding> findings = detect(TestRecordings.create().queue(1, -1, 20, 50_000, s -> 20_000 * s).build());
        assertThat(findings).singleElement().extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void shortRecordingOfSteadyGrowthStillCountsAsGrowingAtTheEnd() {
        // Ten one-second samples, eight after warm-up: the recent window must not shrink to nothing.
        List<Finding> findings = detect(TestRecordings.create().queue(1, -1, 9, 20_000, s -> 18_000 * s).build());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.explanation()).contains("still growing");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    @Test
    void commonPoolBacklogIsReportedWhereItIsFedWithoutInventingACompletionRate() {
        List<Finding> findings = detect(TestRecordings.create()
                .commonPool(3, 15, 5000, "com.example.Fanout.sendAll(Fanout.java:17)", s -> 3000 * s).build());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("executor-backlog");
            assertThat(f.site()).isEqualTo("com.example.Fanout.sendAll(Fanout.java:17)");
            assertThat(f.figure(Figure.OUT_PER_SECOND)).isNull();
            assertThat(f.solution()).contains("Semaphore").contains("commonPool");
            assertThat(f.explanation()).doesNotContain("completed at");
        });
    }

    @Test
    void burstThatDrainsIsHealthy() {
        List<Finding> findings = detect(TestRecordings.create()
                .queue(1, -1, 20, 1000, s -> s < 12 ? 2000 * s : Math.max(0, 24_000 - 8000 * (s - 11))).build());
        assertThat(findings).isEmpty();
    }

    @Test
    void sawtoothThatKeepsClimbingIsGrowth() {
        List<Finding> findings = detect(TestRecordings.create()
                .queue(1, -1, 30, 1000, s -> 300 * s - (s % 5 == 4 ? 900 : 0)).build());
        assertThat(findings).hasSize(1);
    }

    @Test
    void backlogThatGrewThenHeldIsOnlyInformation() {
        // A load ramp fills the queue, then producers and consumers match: not missing backpressure.
        List<Finding> findings = detect(TestRecordings.create()
                .queue(1, -1, 30, 1000, s -> Math.min(s, 10) * 2000 + (s % 2) * 50).build());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.explanation()).contains("slowed");
        });
    }

    @Test
    void flatBacklogIsHealthy() {
        assertThat(detect(TestRecordings.create().queue(1, -1, 30, 1000, s -> 5000 + (s % 3) * 10).build())).isEmpty();
    }

    @Test
    void boundedQueueIsNotMissingBackpressure() {
        assertThat(detect(TestRecordings.create().queue(1, 100_000, 20, 1000, s -> 500 * s).build())).isEmpty();
    }

    private static final long MB = 1 << 20;

    @Test
    void aBoundTheHeapRunsOutBeforeIsNoBackpressure() {
        // 500 elements/s more each second, 2 MB/s more heap: the heap limit is about a minute away,
        // a bound of a million about half an hour.
        List<Finding> findings = detect(TestRecordings.create().queue(1, 1_000_000, 60, 1000, s -> 500 * s)
                .heap(60, 256 * MB, s -> 20 * MB + 2 * MB * s).build());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("queue-backlog");
            assertThat(f.figure(Figure.CAPACITY)).isEqualTo(1_000_000);
            assertThat(f.figure(Figure.SECONDS_TO_HEAP_LIMIT)).isCloseTo(58, org.assertj.core.data.Offset.offset(2.0));
            assertThat(f.explanation()).contains("bounded at 1,000,000").contains("fills in about 32.3 min");
            // About 4 KB per element: a quarter of the 256 MB heap holds some 16,000.
            assertThat(f.solution()).startsWith("Lower the bound").contains("16,0");
        });
    }

    @Test
    void aBoundReachedBeforeTheHeapRunsOutIsBackpressure() {
        assertThat(detect(TestRecordings.create().queue(1, 40_000, 60, 1000, s -> 500 * s)
                .heap(60, 256 * MB, s -> 20 * MB + 2 * MB * s).build())).as("fills in 20 s, heap lasts a minute").isEmpty();
        assertThat(detect(TestRecordings.create().queue(1, 1_000_000, 60, 1000, s -> 500 * s)
                .heap(60, 256 * MB, s -> 100 * MB + (s % 5) * MB).build())).as("the heap holds").isEmpty();
    }

    @Test
    void aBoundOfBillionsIsNoBound() {
        // An unbounded queue growing between the two reads behind "capacity" sums to just under MAX_VALUE.
        assertThat(detect(TestRecordings.create().queue(1, Integer.MAX_VALUE - 32, 20, 1000, s -> 500 * s).build()))
                .singleElement().satisfies(f -> assertThat(f.figure(Figure.CAPACITY)).isEqualTo(-1));
    }

    @Test
    void tinyGrowthIsBelowTheEffectSize() {
        assertThat(detect(TestRecordings.create().queue(1, -1, 20, 1000, s -> 5 * s).build())).isEmpty();
    }

    @Test
    void tooShortARecordingSaysNothing() {
        assertThat(detect(TestRecordings.create().queue(1, -1, 5, 1000, s -> 1000 * s).build())).isEmpty();
    }

    @Test
    void warmUpIsIgnored() {
        // Fills during start-up, then flat: not growth.
        assertThat(detect(TestRecordings.create().queue(1, -1, 20, 1000, s -> s < 2 ? 5000 * s : 10_000).build()))
                .isEmpty();
    }

    @Test
    void thresholdsCanBeChanged() {
        Recording small = TestRecordings.create().queue(1, -1, 20, 1000, s -> 5 * s).build();
        Preferences lenient = new Preferences(Map.of("backlog-growth.minGrowth", "10"));
        assertThat(detector.detect(small, lenient)).hasSize(1);
        assertThat(lenient.validate(List.of(detector))).isNull();
        assertThat(new Preferences(Map.of("backlog-growth.nope", "1")).validate(List.of(detector))).contains("nope");
    }

    private List<Finding> detect(Recording recording) {
        return detector.detect(recording, Preferences.defaults());
    }
}

package io.manometer.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.TestRecordings;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanOutDetectorTest {
    private static final String SITE = "com.example.Export.sendAll(Export.java:31)";
    private final FanOutDetector detector = new FanOutDetector();

    @Test
    void inFlightThatKeepsClimbingIsUnboundedFanOutAtTheLaunchingLine() {
        List<Finding> findings = detect(TestRecordings.create()
                .launchSite(SITE, 20, 2000, "main", s -> 1500 * s).build());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("unbounded-fan-out");
            assertThat(f.site()).isEqualTo(SITE);
            assertThat(f.severity()).isIn(Severity.WARNING, Severity.CRITICAL);
            assertThat(f.figure(Figure.GROWTH_PER_SECOND)).isEqualTo(1500.0);
            assertThat(f.figure(Figure.IN_PER_SECOND)).isEqualTo(2000.0);
            assertThat(f.figure(Figure.OUT_PER_SECOND)).isEqualTo(500.0);
            assertThat(f.solution()).contains("Semaphore");
        });
    }

    @Test
    void aLimitThatMakesInFlightPlateauIsReportedAsBoundedInformationOnly() {
        // A Semaphore of 50: in flight rises to 50 in the first second and stays there, and the
        // launching thread is found waiting for a permit in most looks.
        assertThat(detect(TestRecordings.create().launchSite(SITE, 20, 2000, "main", s -> s == 0 ? 0 : 50 - s % 2)
                .launchers(SITE, 40, 31).build())).singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("fan-out-limited");
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.figure(Figure.PEAK_DEPTH)).isEqualTo(50);
                    assertThat(f.explanation()).contains("78%");
                });
    }

    @Test
    void inFlightPinnedAtOneValueIsALimit() {
        assertThat(detect(TestRecordings.create().launchSite(SITE, 20, 2000, "main", s -> s == 0 ? 0 : 32).build()))
                .singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo("fan-out-limited"));
    }

    @Test
    void aPlateauWhileLaunchesKeepTheirPaceIsStillUnbounded() {
        // 2,000 launches/s, each taking about 0.1 s: about 200 in flight, levelled off by Little's law,
        // and the launcher never waits for what it launched.
        assertThat(detect(TestRecordings.create().launchSite(SITE, 20, 2000, "main", s -> s == 0 ? 0 : 200 - s % 3)
                .launchers(SITE, 40, 0).build())).singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("unbounded-fan-out");
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.summary()).contains("levelled off at about 200").contains("nothing limits it");
                    assertThat(f.explanation()).contains("Little's law").contains("0.1 s").contains("400 will be");
                    assertThat(f.solution()).contains("Semaphore");
                });
    }

    @Test
    void aLargePlateauWithNothingHoldingItIsAWarning() {
        assertThat(detect(TestRecordings.create().launchSite(SITE, 20, 50_000, "main", s -> s == 0 ? 0 : 20_000 - s % 3)
                .launchers(SITE, 40, 1).build())).singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("unbounded-fan-out");
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                });
    }

    @Test
    void aPlateauWhileTheHeapRunsOutIsNoWorkingLimit() {
        // HttpClient.sendAsync with no limit: in flight stops at ~10,000 when connections run out,
        // while what waits fills the heap. "Nothing to fix for memory" would be wrong; the plateau
        // is still reported for what it holds, not left to a heap rule that may stay silent.
        long mb = 1 << 20;
        assertThat(detect(TestRecordings.create().launchSite(SITE, 20, 2000, "main", s -> s == 0 ? 0 : 10_000 - s % 2)
                .heap(20, 512 * mb, s -> 50 * mb + 8 * mb * s).build())).singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("unbounded-fan-out");
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                });
    }

    @Test
    void launchesThatCompleteAsFastAsTheyStartAreHealthy() {
        assertThat(detect(TestRecordings.create().launchSite(SITE, 20, 5000, "main", s -> 30 + s % 5).build()))
                .noneMatch(f -> f.severity() != Severity.INFO);
    }

    @Test
    void aFewLaunchesSayNothing() {
        assertThat(detect(TestRecordings.create().launchSite(SITE, 20, 3, "main", s -> 1).build())).isEmpty();
    }

    @Test
    void aWorkerDrainingAQueueWhileItsLaunchesPileUpAcksEarly() {
        Recording recording = TestRecordings.create()
                .queue(7, -1, 20, 1000, s -> s % 3)
                .threadsOf(7, "broker", "worker-1")
                .launchSite(SITE, 20, 1000, "worker-1", s -> 600 * s)
                .build();
        assertThat(detect(recording)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("early-ack-launch");
            assertThat(f.summary()).contains("com.example.Pipeline.start(Pipeline.java:42)");
            assertThat(f.solution()).contains("Acknowledge after");
        });
    }

    @Test
    void aSourceThatGrowsItselfIsNotTheEarlyAckShape() {
        Recording recording = TestRecordings.create()
                .queue(7, -1, 20, 1000, s -> 500 * s)
                .threadsOf(7, "broker", "worker-1")
                .launchSite(SITE, 20, 1000, "worker-1", s -> 600 * s)
                .build();
        assertThat(detect(recording)).singleElement().extracting(Finding::kind).isEqualTo("unbounded-fan-out");
    }

    @Test
    void aQueueOnlyItsFeederFillsAndEmptiesIsNoEarlyAckSource() {
        // Guava's AsyncEventBus: the posting thread adds to a dispatch queue and drains it itself.
        Recording recording = TestRecordings.create()
                .queue(7, -1, 20, 1000, s -> s % 3)
                .threadsOf(7, "main", "main")
                .launchSite(SITE, 20, 1000, "main", s -> 600 * s)
                .build();
        assertThat(detect(recording)).singleElement().extracting(Finding::kind).isEqualTo("unbounded-fan-out");
    }

    @Test
    void aQueueWhoseFeedersAreNotAllListedMayStillBeTheSource() {
        Recording recording = TestRecordings.create()
                .queue(7, -1, 20, 1000, s -> s % 3)
                .threadsOf(7, "worker-1, ...", "worker-1")
                .launchSite(SITE, 20, 1000, "worker-1", s -> 600 * s)
                .build();
        assertThat(detect(recording)).singleElement().extracting(Finding::kind).isEqualTo("early-ack-launch");
    }

    private List<Finding> detect(Recording recording) {
        return detector.detect(recording, Preferences.defaults());
    }

    /**
     * The seed's Promise.all: 8,000 calls launched in 4 s, then awaited (the launcher waits on them),
     * completing at 20/s. The batch holds minutes of work that nothing limited.
     */
    @Test
    void aFinishedBatchIsJudgedByWhatItHoldsAndHowLongItTakesToDrain() {
        assertThat(detect(TestRecordings.create()
                .launches(SITE, 15, s -> Math.min(8_000, 2_000 * s), s -> 20 * s)
                .launchers(SITE, 40, 36).build())).singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("unbounded-fan-out");
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.summary()).contains("batch").contains("min of work");
                    assertThat(f.site()).isEqualTo(SITE);
                });
    }

    @Test
    void aBatchThatDrainsSoonIsNothingToReport() {
        assertThat(detect(TestRecordings.create()
                .launches(SITE, 15, s -> Math.min(400, 200 * s), s -> Math.min(400, 40 * s)).build()))
                .noneMatch(f -> f.severity().atLeast(Severity.WARNING));
    }

    /** A cached pool: each task in flight holds a thread, so 1,600 in flight is 1,600 threads. */
    @Test
    void aPlateauOfTasksThatEachHoldAThreadCountsThreads() {
        assertThat(detect(TestRecordings.create()
                .launches(SITE, 12, s -> 400 * s, s -> Math.max(0, 400 * (s - 4) - s % 3))
                .liveThreads(12, s -> 20 + Math.min(1_600, 400 * s))
                .launchers(SITE, 40, 0).build())).singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("unbounded-fan-out");
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.summary()).contains("a platform thread each");
                });
    }

    @Test
    void theSamePlateauWithoutThreadsIsInfo() {
        assertThat(detect(TestRecordings.create()
                .launches(SITE, 12, s -> 400 * s, s -> Math.max(0, 400 * (s - 4) - s % 3))
                .liveThreads(12, s -> 20)
                .launchers(SITE, 40, 0).build())).singleElement().satisfies(f ->
                    assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    /** 300 consumer loops started once and running for good: long-lived tasks, no batch waiting on anything. */
    @Test
    void longLivedTasksStartedOnceAreNoBatch() {
        assertThat(detect(TestRecordings.create()
                .launches(SITE, 15, s -> Math.min(300, 300 * s), s -> 0)
                .launchers(SITE, 40, 0).build()))
                .noneMatch(f -> f.severity().atLeast(Severity.WARNING));
    }
}

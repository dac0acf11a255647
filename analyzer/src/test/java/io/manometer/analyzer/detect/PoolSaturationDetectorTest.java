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
    void aWorkerParkedForWorkTheWholeTimeIsNotSaturated() {
        // Its park ends after the recording, so no jdk.ThreadPark tells of it: only a dump does.
        assertThat(detector.detect(growingBacklog().poolStarted(SUBMIT, 1).build(), Preferences.defaults())).isEmpty();
        assertThat(detector.detect(growingBacklog().poolStarted(SUBMIT, 1).threadDump(20, DUMP_WAITING).build(),
                Preferences.defaults())).isEmpty();
    }

    @Test
    void aThreadDumpThatFindsTheWorkerAtWorkShowsWhatItDoes() {
        assertThat(detector.detect(growingBacklog().poolStarted(SUBMIT, 1).threadDump(20, DUMP_BUSY).build(),
                Preferences.defaults())).singleElement().satisfies(f -> {
                    assertThat(f.site()).isEqualTo(SUBMIT); // one dump is too few samples to name the line
                    assertThat(f.explanation()).contains("busy 1 times");
                });
    }

    private static final String DUMP_WAITING = """
            "pool-1-thread-1" #15 prio=5 os_prio=0 cpu=0.35ms elapsed=16.05s tid=0x1 nid=0x2 waiting on condition
               java.lang.Thread.State: WAITING (parking)
            	at jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
            	at java.util.concurrent.LinkedBlockingQueue.take(java.base@17.0.15/LinkedBlockingQueue.java:435)
            	at java.util.concurrent.ThreadPoolExecutor.getTask(java.base@17.0.15/ThreadPoolExecutor.java:1062)
            	at java.util.concurrent.ThreadPoolExecutor.runWorker(java.base@17.0.15/ThreadPoolExecutor.java:1122)

            """;

    private static final String DUMP_BUSY = """
            "main" #1 prio=5 os_prio=0 cpu=10ms elapsed=16.05s tid=0x1 nid=0x2 waiting on condition
            	at java.lang.Thread.sleep(java.base@17.0.15/Native Method)

            "pool-1-thread-1" #15 prio=5 os_prio=0 cpu=378ms elapsed=16.00s tid=0x1 nid=0x2 waiting on condition
               java.lang.Thread.State: TIMED_WAITING (sleeping)
            	at java.lang.Thread.sleep(java.base@17.0.15/Native Method)
            	at com.example.Orders.price(Orders.java:77)
            	at com.example.Orders$$Lambda$89/0x00007fdc0809c910.run(Unknown Source)
            	at java.util.concurrent.ThreadPoolExecutor.runWorker(java.base@17.0.15/ThreadPoolExecutor.java:1136)

            """;

    @Test
    void withTooFewSamplesOfTheWorkersTheSubmittingLineIsNamed() {
        assertThat(detector.detect(growingBacklog().poolStarted(SUBMIT, 2).poolBusy(WORK, 3).build(),
                Preferences.defaults())).singleElement().satisfies(f -> {
                    assertThat(f.site()).isEqualTo(SUBMIT);
                    assertThat(f.explanation()).contains("too few to name what they do");
                });
    }

    @Test
    void aPoolBusyWhereTheBacklogIsMadeIsItsProducerNotItsConsumer() {
        // A source loop run on a scheduler's thread (RxJava's subscribeOn) never waits for work either.
        assertThat(detector.detect(growingBacklog().poolStarted(SUBMIT, 1).poolBusy(SUBMIT, 40).build(),
                Preferences.defaults())).isEmpty();
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
    void aHeapThatRisesTooLittleToWarnOfIsNoBacklog() {
        // 20 collections whose kept heap climbs by 1 MB in total, of 512 MB: a trend, not a backlog
        // (seen on a healthy bounded Reactor pipeline recorded with heap histograms every 2 s).
        assertThat(detector.detect(TestRecordings.create().withoutAgent()
                .heap(20, 512L << 20, s -> (40L << 20) + s * 50_000)
                .poolStarted(SUBMIT, 1).build(), Preferences.defaults())).isEmpty();
    }

    @Test
    void aHeapGrowthWarnedOfIsABacklogWhenNoTypeIsKnown() {
        assertThat(detector.detect(TestRecordings.create().withoutAgent()
                .heap(20, 512L << 20, s -> (40L << 20) + s * (10L << 20))
                .poolStarted(SUBMIT, 1).poolBusy(WORK, 40).build(), Preferences.defaults())).singleElement()
                .satisfies(f -> assertThat(f.summary()).startsWith("The one worker of pool-1-thread-*")
                        .contains("the heap kept after collections"));
    }

    @Test
    void aRecordingWithTheAgentIsJudgedByTheAgentsRules() {
        assertThat(detector.detect(TestRecordings.create()
                .population("java.util.concurrent.FutureTask", 20, 32, s -> 4_000 * s)
                .poolStarted(SUBMIT, 4).build(), Preferences.defaults())).isEmpty();
    }
}

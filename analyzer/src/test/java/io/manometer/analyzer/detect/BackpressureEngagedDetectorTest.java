package io.manometer.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.manometer.analyzer.reading.TestRecordings;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackpressureEngagedDetectorTest {
    private final BackpressureEngagedDetector detector = new BackpressureEngagedDetector();

    @Test
    void fullBoundedQueueIsBackpressureAtWorkAndNamesTheDrainRate() {
        List<Finding> findings = detector.detect(TestRecordings.create()
                .queue(1, 100, 10, 500, s -> 100).atCapacity(1, 9, 42).build(), Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("backpressure-engaged");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.figure(Figure.OUT_PER_SECOND)).isCloseTo(500, within(0.001));
            assertThat(f.figure(Figure.ESTIMATED_WAIT_SECONDS)).isCloseTo(0.2, within(0.001));
            assertThat(f.summary()).contains("82%").contains("bound 100"); // 9 of 11 samples
            assertThat(f.explanation()).contains("pipeline's bottleneck").contains("42");
        });
    }

    @Test
    void boundedQueueWithRoomSaysNothing() {
        assertThat(detector.detect(TestRecordings.create().queue(1, 100, 10, 500, s -> 20).atCapacity(1, 1, 0).build(),
                Preferences.defaults())).isEmpty();
    }

    @Test
    void unboundedQueueIsNeverBackpressure() {
        assertThat(detector.detect(TestRecordings.create().queue(1, -1, 10, 500, s -> 100).atCapacity(1, 10, 0).build(),
                Preferences.defaults())).isEmpty();
    }

    @Test
    void aFullQueueThatNothingDrainsIsAStallNotBackpressure() {
        List<Finding> findings = detector.detect(TestRecordings.create()
                .stalledQueue(1, 1_000, 20, 5, 400, "com.example.Pipeline.feed(Pipeline.java:57)").build(),
                Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("consumer-stalled");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.figure(Figure.DURATION_SECONDS)).isCloseTo(15, within(0.001));
            assertThat(f.summary()).contains("full for 15 s").contains("bound 1,000");
            assertThat(f.explanation()).contains("Nothing drained it for 15 s")
                    .contains("com.example.Pipeline.feed(Pipeline.java:57)");
            assertThat(f.solution()).contains("Thread.print");
        });
    }

    @Test
    void aShortPauseOfTheConsumerIsStillBackpressure() {
        List<Finding> findings = detector.detect(TestRecordings.create()
                .stalledQueue(1, 1_000, 20, 15, 400, "com.example.Pipeline.feed(Pipeline.java:57)").build(),
                Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo("backpressure-engaged"));
    }

    @Test
    void aStalledQueueWrittenOnlyEveryFewSecondsStaysStalledToTheRecordingsEnd() {
        // Unchanged, it is written every 5 s: its last sample is 3 s before the recording ends.
        List<Finding> findings = detector.detect(TestRecordings.create()
                .stalledQueue(1, 1_000, 20, 5, 400, "com.example.Pipeline.feed(Pipeline.java:57)")
                .queue(2, -1, 23, 10, s -> 0).build(), Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("consumer-stalled");
            assertThat(f.figure(Figure.DURATION_SECONDS)).isCloseTo(18, within(0.001));
        });
    }
}

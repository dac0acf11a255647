package io.manometer.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.TestRecordings;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryBufferAndRefusalDetectorTest {
    private static final String SITE = "com.example.Export.write(Export.java:12)";

    @Test
    void aByteBufferThatKeepsGrowingIsReportedWhereItIsFilled() {
        List<Finding> findings = new MemoryBufferGrowthDetector().detect(TestRecordings.create()
                .memoryBuffer(4, SITE, 20, s -> (2L << 20) + s * (8L << 20)).build(), Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("memory-buffer-growth");
            assertThat(f.site()).isEqualTo(SITE);
            assertThat(f.figure(Figure.GROWTH_PER_SECOND)).isEqualTo(8 << 20);
            assertThat(f.solution()).contains("Stream");
        });
    }

    @Test
    void aLargeButSteadyBufferIsNot() {
        assertThat(new MemoryBufferGrowthDetector().detect(TestRecordings.create()
                .memoryBuffer(4, SITE, 20, s -> 64L << 20).build(), Preferences.defaults())).isEmpty();
    }

    @Test
    void discardedRefusalsAreAWarningAndManyAreCritical() {
        Recording few = TestRecordings.create().refusals(SITE, "java.util.Queue.offer", 5, s -> 10 * s).build();
        assertThat(new IgnoredRefusalDetector().detect(few, Preferences.defaults())).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("ignored-refusal");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.summary()).contains("50 items");
            assertThat(f.figure(Figure.REFUSED_PER_SECOND)).isEqualTo(10.0);
            assertThat(f.figures().has(Figure.GROWTH_PER_SECOND)).isFalse(); // no backlog grows: no figure is reused
        });
        Recording many = TestRecordings.create().refusals(SITE, "java.util.Queue.offer", 5, s -> 1000 * s).build();
        assertThat(new IgnoredRefusalDetector().detect(many, Preferences.defaults()))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aRejectionDroppedIsAWarningAndOneHandledIsInformation() {
        Recording recording = TestRecordings.create()
                .refusals(SITE, "java.util.concurrent.RejectedExecutionException (caught and dropped)", 5, s -> 3 * s)
                .refusals("com.example.Other.run(Other.java:9)", "java.util.concurrent.RejectedExecutionException (caught)",
                        5, s -> 3 * s)
                .build();
        assertThat(new IgnoredRefusalDetector().detect(recording, Preferences.defaults()))
                .extracting(f -> f.kind() + " " + f.severity())
                .containsExactlyInAnyOrder("rejection-dropped WARNING", "rejection-handled INFO");
    }

    @Test
    void aHandlerThatLooksLikeItDropsButOffersTheSameTaskAgainHandlesIt() {
        String dropped = "java.util.concurrent.RejectedExecutionException (caught and dropped)";
        Recording recording = TestRecordings.create().refusals(SITE, dropped, 5, s -> 3 * s)
                .retried(SITE, dropped, 11).build();
        assertThat(new IgnoredRefusalDetector().detect(recording, Preferences.defaults())).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("rejection-handled");
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.explanation()).contains("rejected again 11 times");
                });
    }

    @Test
    void aShortWriteIgnoredIsNamedAsSuch() {
        Recording writes = TestRecordings.create()
                .refusals(SITE, "java.nio.channels.SocketChannel.write", 3, s -> 7).build();
        assertThat(new IgnoredRefusalDetector().detect(writes, Preferences.defaults())).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("ignored-write");
            assertThat(f.figure(Figure.IN_PER_SECOND)).isNull(); // all before the first sample: no rate invented
        });
    }

    /** DiscardPolicy drops what the pool refuses with no exception to catch: lost, as a swallowed one is. */
    @Test
    void anExecutorWhosePolicyDiscardsDropsTasks() {
        Recording recording = TestRecordings.create()
                .rejectingExecutor(1, "java.util.concurrent.ThreadPoolExecutor$DiscardPolicy", 5_000)
                .rejectingExecutor(2, "java.util.concurrent.ThreadPoolExecutor$CallerRunsPolicy", 5_000)
                .rejectingExecutor(3, "java.util.concurrent.ThreadPoolExecutor$DiscardOldestPolicy", 0).build();
        assertThat(new IgnoredRefusalDetector().detect(recording, Preferences.defaults())).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("rejection-dropped");
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.site()).isEqualTo("com.example.Jobs.init(Jobs.java:12)");
                    assertThat(f.summary()).contains("5,000 tasks").contains("DiscardPolicy");
                });
    }

    /** A handler that counts (or logs) what it sheds loses nothing silently: info. */
    @Test
    void aCountedDropIsLoadSheddingNotALoss() {
        Recording recording = TestRecordings.create()
                .refusals("com.example.Jobs.submit(Jobs.java:30)",
                        "java.util.concurrent.RejectedExecutionException (caught, counted and dropped)", 10, s -> 500 * s)
                .build();
        assertThat(new IgnoredRefusalDetector().detect(recording, Preferences.defaults())).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("rejection-counted");
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                });
    }
}

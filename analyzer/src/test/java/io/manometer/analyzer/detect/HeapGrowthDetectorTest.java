package io.manometer.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.manometer.analyzer.reading.TestRecordings;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapGrowthDetectorTest {
    private static final long MB = 1_000_000;
    private final HeapGrowthDetector detector = new HeapGrowthDetector();

    @Test
    void steadyGrowthNearTheLimitIsCriticalWithTheTimeLeft() {
        List<Finding> findings = detector.detect(TestRecordings.create().withoutAgent()
                .heap(60, 256 * MB, s -> 20 * MB + 2 * MB * s).build(), Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("heap-growth");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.figure(Figure.GROWTH_PER_SECOND)).isCloseTo(2 * MB, within(1.0));
            // 256 MB - 140 MB left at 2 MB/s: 58 s.
            assertThat(f.figure(Figure.SECONDS_TO_HEAP_LIMIT)).isCloseTo(58, within(0.5));
            assertThat(f.explanation()).contains("-javaagent");
        });
    }

    @Test
    void theLineThatAllocatedMostOfWhatIsStillAliveIsNamedWhenJfrSampledIt() {
        String line = "com.example.Sender.send(Sender.java:31)";
        List<Finding> named = detector.detect(TestRecordings.create().withoutAgent()
                .heap(60, 256 * MB, s -> 20 * MB + 2 * MB * s).retained("byte[]", line, 70)
                .retained("java.lang.String", "com.example.Cache.put(Cache.java:9)", 30).build(), Preferences.defaults());
        assertThat(named).singleElement().satisfies(f -> {
            assertThat(f.site()).isEqualTo(line);
            assertThat(f.explanation()).contains("70 were byte[] allocated at " + line);
        });
        List<Finding> scattered = detector.detect(TestRecordings.create().withoutAgent()
                .heap(60, 256 * MB, s -> 20 * MB + 2 * MB * s).retained("byte[]", line, 10)
                .retained("java.lang.String", "com.example.Cache.put(Cache.java:9)", 10)
                .retained("java.lang.Object", "com.example.A.b(A.java:1)", 10)
                .retained("java.lang.Long", "com.example.C.d(C.java:2)", 10)
                .retained("java.lang.Integer", "com.example.E.f(E.java:3)", 10).build(), Preferences.defaults());
        assertThat(scattered).singleElement().satisfies(f -> {
            assertThat(f.site()).as("no line holds a quarter of the samples").isEqualTo("(whole heap)");
            assertThat(f.explanation()).doesNotContain("old-object sampler");
        });
    }

    @Test
    void withoutARetainedLineTheLargestBacklogsAreNamedEvenWhenTheyStoppedGrowing() {
        String site = "com.example.Client.sendAll(Client.java:33)";
        List<Finding> findings = new HeapGrowthDetector().detect(TestRecordings.create()
                .heap(60, 256 * MB, s -> 20 * MB + 2 * MB * s)
                .launchSite(site, 60, 2000, "main", s -> s < 5 ? 2000 * s : 10_000)
                .queue(1, -1, 60, 100, s -> 50).build(), Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.site()).isEqualTo(site);
            assertThat(f.explanation()).contains("10,000 in flight from").contains(site)
                    .as("a queue of 50 is no suspect").doesNotContain("Pipeline.java");
        });
    }

    /**
     * The warm-up is the JVM's: a recording begun long after the start (by attach, or the agent's
     * live one) judges its first collections too, and one from the start skips them.
     */
    @Test
    void theWarmUpCountsFromTheJvmsStartNotTheRecordings() {
        TestRecordings fromTheStart = TestRecordings.create().heap(8, 256 * MB, s -> 20 * MB + 2 * MB * s);
        assertThat(detector.detect(fromTheStart.jvmStartedBefore(0).build(), Preferences.defaults()))
                .as("four collections after the warm-up say nothing yet").isEmpty();
        TestRecordings late = TestRecordings.create().heap(8, 256 * MB, s -> 20 * MB + 2 * MB * s);
        assertThat(detector.detect(late.jvmStartedBefore(30).build(), Preferences.defaults()))
                .singleElement().satisfies(f -> assertThat(f.figure(Figure.SAMPLES)).isEqualTo(9));
    }

    @Test
    void flatHeapWithGarbageNoiseSaysNothing() {
        assertThat(detector.detect(TestRecordings.create()
                .heap(60, 256 * MB, s -> 50 * MB + (s % 7) * MB).build(), Preferences.defaults())).isEmpty();
    }

    @Test
    void backlogFindingSaysHowFarTheHeapLimitIsAndWhatEachElementHolds() {
        List<Finding> findings = new BacklogGrowthDetector().detect(TestRecordings.create()
                .queue(1, -1, 20, 5000, s -> 1000 * s)
                .heap(20, 512 * MB, s -> 30 * MB + 400_000 * s).build(), Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.figure(Figure.BYTES_PER_ELEMENT)).isCloseTo(400, within(1.0));
            // (512 MB - 38 MB) / 0.4 MB/s = 1185 s: under the 30 min "soon" threshold, so it scores higher.
            assertThat(f.figure(Figure.SECONDS_TO_HEAP_LIMIT)).isCloseTo(1185, within(1.0));
            assertThat(f.explanation()).contains("heap limit is reached in about 19.8 min").contains("400 bytes");
            assertThat(f.score()).isGreaterThanOrEqualTo(85);
        });
    }
}

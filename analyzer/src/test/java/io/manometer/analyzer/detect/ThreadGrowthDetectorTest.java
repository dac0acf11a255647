package io.manometer.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.reading.TestRecordings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadGrowthDetectorTest {
    private final ThreadGrowthDetector detector = new ThreadGrowthDetector();

    @Test
    void climbingThreadCountIsUnboundedFanOut() {
        List<Finding> findings = detector.detect(TestRecordings.create().withoutAgent()
                .threads(20, 300, s -> 20 + 150 * s).build(), Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("thread-growth");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL); // still growing, 3,020 threads
            assertThat(f.figure(Figure.GROWTH_PER_SECOND)).isEqualTo(150.0);
            assertThat(f.solution()).contains("Semaphore");
            assertThat(f.explanation()).contains("CompletableFuture");
        });
    }

    @Test
    void aPoolThatGrowsToItsSizeAndStaysIsNotFanOut() {
        assertThat(detector.detect(TestRecordings.create()
                .threads(30, 10, s -> Math.min(200, 20 + 60 * s)).build(), Preferences.defaults())).isEmpty();
    }

    @Test
    void aBurstOfThreadsThatEndsIsHealthy() {
        assertThat(detector.detect(TestRecordings.create()
                .threads(30, 100, s -> s < 15 ? 20 + 100 * s : 20).build(), Preferences.defaults())).isEmpty();
    }

    @Test
    void withoutTheAgentTheLineThatStartsTheThreadsIsNamed() {
        String site = "com.example.Server.accept(Server.java:31)";
        List<Finding> findings = detector.detect(TestRecordings.create().withoutAgent()
                .threads(20, 300, s -> 20 + 150 * s).threadStarts(site, 40).threadStarts("com.example.Boot.main(Boot.java:9)", 3)
                .build(), Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.site()).isEqualTo(site);
            assertThat(f.explanation()).contains("40 of the 43 thread starts");
        });
    }

    @Test
    void withoutTheAgentAThousandThreadsHeldAtOneLineAreAThreadPerTask() {
        String site = "com.example.Rows.save(Rows.java:12)";
        List<Finding> findings = detector.detect(TestRecordings.create().withoutAgent()
                .threads(20, 100, s -> s < 2 ? 20 + 900 * s : 1_620).threadStarts(site, 1_600).build(),
                Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.site()).isEqualTo(site);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.summary()).contains("1,620 live threads");
        });
        // A pool of that size started from anywhere, or a few hundred threads at one line, is not flagged.
        assertThat(detector.detect(TestRecordings.create().withoutAgent()
                .threads(20, 100, s -> 1_620).build(), Preferences.defaults())).isEmpty();
        assertThat(detector.detect(TestRecordings.create().withoutAgent()
                .threads(20, 100, s -> 300).threadStarts(site, 300).build(), Preferences.defaults())).isEmpty();
    }
}

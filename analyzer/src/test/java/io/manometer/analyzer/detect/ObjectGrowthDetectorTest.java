package io.manometer.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.reading.TestRecordings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A growing population judged without the agent: named at its allocating line, and quiet where it settles. */
class ObjectGrowthDetectorTest {
    private static final String SITE = "com.example.Orders.submit(Orders.java:42)";
    private final ObjectGrowthDetector detector = new ObjectGrowthDetector();

    @Test
    void tasksThatOnlyClimbAreABacklogAtTheLineThatMakesThem() {
        List<Finding> findings = detector.detect(TestRecordings.create().withoutAgent()
                .population("java.util.concurrent.FutureTask", 20, 32, s -> 1_000 + 4_000 * s)
                .population("java.util.concurrent.LinkedBlockingQueue$Node", 20, 24, s -> 1_000 + 4_000 * s)
                .allocated("java.util.concurrent.FutureTask", SITE, 30)
                .allocated("java.util.concurrent.LinkedBlockingQueue$Node", SITE, 30)
                .build(), Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("object-growth");
            assertThat(f.site()).isEqualTo(SITE);
            assertThat(f.severity().atLeast(Severity.WARNING)).isTrue();
            assertThat(f.summary()).contains("FutureTask").contains("judged without the agent");
            assertThat(f.explanation()).contains("LinkedBlockingQueue$Node").contains("-javaagent")
                    .contains("Confidence");
            assertThat(f.figure(Figure.GROWTH_PER_SECOND)).isCloseTo(4_000.0, org.assertj.core.data.Offset.offset(1.0));
            assertThat(detector.figures()).containsAll(f.figures().present());
        });
    }

    @Test
    void withoutAllocationStacksTheTypeIsNamedAndConfidenceIsLower() {
        List<Finding> findings = detector.detect(TestRecordings.create().withoutAgent()
                .population("com.example.Message", 20, 40, s -> 5_000 * s).build(), Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.site()).isEqualTo("(live com.example.Message)");
            assertThat(f.explanation()).contains("Confidence: lower");
        });
    }

    @Test
    void anArrayThatGrowsInSizeRatherThanNumberIsJudgedByItsBytes() {
        List<Finding> findings = detector.detect(TestRecordings.create().withoutAgent()
                .population("byte[]", 20, 1, s -> 10_000_000 + 4_000_000 * s)
                .allocated("byte[]", SITE, 10).build(), Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.summary()).contains("bytes/s"));
    }

    @Test
    void aPopulationThatSettlesOrDrainsIsQuiet() {
        assertThat(detector.detect(TestRecordings.create().withoutAgent()
                .population("java.util.concurrent.FutureTask", 20, 32, s -> Math.min(50_000, 10_000 * s))
                .population("com.example.Burst", 20, 32, s -> s < 10 ? 20_000 * s : 1_000)
                .population("com.example.Steady", 20, 32, s -> 80_000 + (s % 4) * 100)
                .build(), Preferences.defaults())).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void aRecordingWithTheAgentIsJudgedByTheAgentsRules() {
        assertThat(detector.detect(TestRecordings.create()
                .population("java.util.concurrent.FutureTask", 20, 32, s -> 4_000 * s).build(),
                Preferences.defaults())).isEmpty();
    }
}

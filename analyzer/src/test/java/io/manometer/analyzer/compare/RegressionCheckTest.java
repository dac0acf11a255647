package io.manometer.analyzer.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.AnalysedRecording;
import io.manometer.analyzer.Analyzer;
import io.manometer.analyzer.detect.Severity;
import io.manometer.analyzer.reading.TestRecordings;
import org.junit.jupiter.api.Test;

class RegressionCheckTest {
    private final Analyzer analyzer = new Analyzer();

    private AnalysedRecording flatAt(long depth) {
        return analyzer.analyse(TestRecordings.create().queue(1, -1, 20, 1000, s -> depth).build());
    }

    private AnalysedRecording growing() {
        return analyzer.analyse(TestRecordings.create().queue(1, -1, 20, 5000, s -> 2000 * s).build());
    }

    @Test
    void aNewBacklogFindingIsARegression() {
        RegressionCheck check = RegressionCheck.compare(flatAt(50), growing(), Severity.WARNING, 2, 1000);
        assertThat(check.regressed()).isTrue();
        assertThat(check.newFindings()).singleElement().extracting(f -> f.kind()).isEqualTo("queue-backlog");
        assertThat(check.grownPeaks()).singleElement().satisfies(g -> {
            assertThat(g.baselinePeak()).isEqualTo(50);
            assertThat(g.currentPeak()).isEqualTo(40_000);
        });
    }

    @Test
    void theSameFindingInBothIsNoRegressionAndItsDisappearanceIsAFix() {
        assertThat(RegressionCheck.compare(growing(), growing(), Severity.WARNING, 2, 1000).regressed()).isFalse();
        RegressionCheck fixed = RegressionCheck.compare(growing(), flatAt(50), Severity.WARNING, 2, 1000);
        assertThat(fixed.regressed()).isFalse();
        assertThat(fixed.fixedFindings()).hasSize(1);
    }

    @Test
    void heapGrowthNamingAnotherAllocationLineIsStillTheSameFinding() {
        long mb = 1_000_000;
        AnalysedRecording before = analyzer.analyse(TestRecordings.create().withoutAgent()
                .heap(60, 256 * mb, s -> 20 * mb + 2 * mb * s).build());
        AnalysedRecording after = analyzer.analyse(TestRecordings.create().withoutAgent()
                .heap(60, 256 * mb, s -> 20 * mb + 2 * mb * s)
                .retained("byte[]", "com.example.Sender.send(Sender.java:31)", 10).build());
        assertThat(after.result().findings()).singleElement()
                .satisfies(f -> assertThat(f.site()).isEqualTo("com.example.Sender.send(Sender.java:31)"));
        RegressionCheck check = RegressionCheck.compare(before, after, Severity.WARNING, 2, 1000);
        assertThat(check.newFindings()).isEmpty();
        assertThat(check.fixedFindings()).isEmpty();
    }

    @Test
    void aPeakThatGrewPastTheFactorFailsEvenWithoutAFinding() {
        RegressionCheck check = RegressionCheck.compare(flatAt(1_000), flatAt(5_000), Severity.WARNING, 2, 1000);
        assertThat(check.newFindings()).isEmpty();
        assertThat(check.grownPeaks()).hasSize(1);
        assertThat(RegressionCheck.compare(flatAt(1_000), flatAt(1_900), Severity.WARNING, 2, 1000).regressed())
                .isFalse();
        assertThat(RegressionCheck.compare(flatAt(100), flatAt(900), Severity.WARNING, 2, 1000).regressed())
                .as("below --min-peak").isFalse();
    }

    @Test
    void aFindingWhoseLineMovedIsTheSameFindingAndItsPeakTheSamePeak() {
        AnalysedRecording before = analyzer.analyse(TestRecordings.create()
                .launchSite("com.example.Loop.run(Loop.java:8)", 20, 2000, "main", s -> 1500 * s).build());
        AnalysedRecording after = analyzer.analyse(TestRecordings.create()
                .launchSite("com.example.Loop.run(Loop.java:9)", 20, 2000, "main", s -> 1500 * s).build());
        RegressionCheck check = RegressionCheck.compare(before, after, Severity.WARNING, 2, 1000);
        assertThat(check.newFindings()).isEmpty();
        assertThat(check.fixedFindings()).isEmpty();
        assertThat(check.grownPeaks()).isEmpty();
        assertThat(check.regressed()).isFalse();
    }

    @Test
    void twoAlikeFindingsInOneMethodPairByTheirLinesAndAThirdIsNew() {
        AnalysedRecording before = analyzer.analyse(TestRecordings.create()
                .launchSite("com.example.Loop.run(Loop.java:8)", 20, 2000, "main", s -> 1500 * s).build());
        AnalysedRecording after = analyzer.analyse(TestRecordings.create()
                .launchSite("com.example.Loop.run(Loop.java:8)", 20, 2000, "main", s -> 1500 * s)
                .launchSite("com.example.Loop.run(Loop.java:12)", 20, 2000, "main", s -> 1500 * s).build());
        RegressionCheck check = RegressionCheck.compare(before, after, Severity.WARNING, 2, 1000);
        assertThat(check.newFindings()).singleElement()
                .satisfies(f -> assertThat(f.site()).isEqualTo("com.example.Loop.run(Loop.java:12)"));
    }
}

package io.manometer.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.reading.TestRecordings;
import io.manometer.analyzer.report.RecordingResult;
import org.junit.jupiter.api.Test;

/** What the agent could not watch is a gap of the recording: said, never a clean bill of health. */
class RecordingGapsTest {
    private static RecordingResult analysed(TestRecordings recording) {
        return new Analyzer().analyse(recording.queue(1, -1, 30, 100, s -> 5).build()).result();
    }

    @Test
    void periodsTheAgentSkippedAreAGap() {
        assertThat(analysed(TestRecordings.create().skippedPeriods(2)).gaps())
                .anySatisfy(gap -> assertThat(gap).startsWith("2 sampling period(s) were skipped"));
    }

    @Test
    void aRecordingWithoutSkipsHasNoSuchGap() {
        assertThat(analysed(TestRecordings.create()).gaps()).noneMatch(gap -> gap.contains("skipped"));
    }

    @Test
    void samplesTooShortToShowGrowthAreAGapNotACleanBill() {
        RecordingResult shortRun = new Analyzer().analyse(TestRecordings.create()
                .queue(1, -1, 2, 100, s -> 50 * s).build()).result();
        assertThat(shortRun.findings()).isEmpty();
        assertThat(shortRun.gaps()).anySatisfy(gap -> assertThat(gap)
                .startsWith("the agent's samples cover only 2.0 s, and growth is judged over at least 4 s"));
        assertThat(analysed(TestRecordings.create()).gaps()).noneMatch(gap -> gap.contains("cover only"));
    }
}

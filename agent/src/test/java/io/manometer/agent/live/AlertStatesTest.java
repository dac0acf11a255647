package io.manometer.agent.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.detect.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertStatesTest {
    private static final long SECOND = 1_000_000_000L;

    private static Finding finding(String site, int score) {
        return Finding.of("backlog-growth", "executor-backlog").score(score).subject("java.util.concurrent.ThreadPoolExecutor", 1)
                .site(site).text("ThreadPoolExecutor backlog grows", "why", "Give the executor a bounded queue: new ...")
                .build();
    }

    @Test
    void aWarningIsRaisedOnceTurnsCriticalAndClearsOnlyAfterStayingGone() {
        AlertStates states = new AlertStates(5 * SECOND);
        String site = "com.example.Export.run(Export.java:20)";
        assertThat(states.update(List.of(finding(site, 70)), 0)).singleElement()
                .satisfies(t -> assertThat(t.change()).isEqualTo(AlertStates.Change.RAISED));
        assertThat(states.update(List.of(finding(site, 72)), SECOND)).as("still a warning: no line").isEmpty();
        assertThat(states.update(List.of(finding(site, 85)), 2 * SECOND)).singleElement()
                .satisfies(t -> assertThat(t.change()).isEqualTo(AlertStates.Change.CRITICAL));
        assertThat(states.update(List.of(), 3 * SECOND)).as("gone for a moment: not yet cleared").isEmpty();
        assertThat(states.update(List.of(finding(site, 85)), 4 * SECOND)).as("back: nothing changed").isEmpty();
        assertThat(states.update(List.of(), 9 * SECOND + 1)).singleElement()
                .satisfies(t -> assertThat(t.change()).isEqualTo(AlertStates.Change.CLEARED));
    }

    @Test
    void theSameFindingAtAMovedLineIsTheSameAlertAndInfoNeverAlerts() {
        AlertStates states = new AlertStates(5 * SECOND);
        assertThat(states.update(List.of(finding("com.example.Export.run(Export.java:20)", 70)), 0)).hasSize(1);
        assertThat(states.update(List.of(finding("com.example.Export.run(Export.java:21)", 70)), SECOND)).isEmpty();
        assertThat(new AlertStates(SECOND).update(List.of(finding("com.example.A.b(A.java:1)", 30)), 0)).isEmpty();
    }

    @Test
    void theLineSaysWhatWhereHowFastAndTheFixInAFewWords() {
        AlertStates.Transition t = new AlertStates.Transition(AlertStates.Change.CRITICAL,
                finding("com.example.Export.run(Export.java:20)", 85));
        assertThat(AlertOutput.line(t, "/tmp/x.jfr", 8600)).isEqualTo("manometer: CRITICAL executor-backlog at "
                + "com.example.Export.run(Export.java:20): ThreadPoolExecutor backlog grows; fix: give the executor a "
                + "bounded queue; recording dumped to /tmp/x.jfr [t+8.6 s]");
    }

    /** An alert that eases says from what, and why, in the words of its figures. */
    @Test
    void anEasedAlertSaysWhy() {
        AlertStates states = new AlertStates(5 * SECOND);
        String site = "com.example.Export.run(Export.java:20)";
        states.update(List.of(finding(site, 85)), 0);
        assertThat(states.update(List.of(finding(site, 70)), SECOND)).singleElement().satisfies(t -> {
            assertThat(t.change()).isEqualTo(AlertStates.Change.EASED);
            assertThat(AlertOutput.line(t, null, 1000)).contains("; eased from critical: its evidence scores 70, was 85");
        });
    }
}

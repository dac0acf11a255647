package io.manometer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.AnalysedRecording;
import io.manometer.analyzer.Analyzer;
import io.manometer.analyzer.detect.Figure;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Severity;
import io.manometer.testkit.LiveAlerts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verdicts by who makes the producer wait, not by the shape of a curve, from one run of four
 * shapes ({@link WhoMakesItWaitWorkload}): a full queue nothing drains is a stall, a slow consumer
 * is backpressure; in flight that levels off while launches keep their pace is unbounded, a
 * Semaphore is a limit; a rejection handler that submits the same task again handles it, one that
 * moves on drops it. Offline and live alike.
 */
class WhoMakesItWaitIT {
    @TempDir
    static Path dir;
    static WorkloadRecording.Ran ran;
    static List<Finding> findings;
    static List<LiveAlerts.Alert> alerts;

    @BeforeAll
    static void runTheFourShapes() throws Exception {
        Path jfr = dir.resolve("wait.jfr");
        ran = WorkloadRecording.run(WhoMakesItWaitWorkload.class, jfr, "20");
        AnalysedRecording analysed = new Analyzer().analyse(jfr);
        findings = analysed.result().findings();
        alerts = LiveAlerts.in(ran.run().stderr());
    }

    @Test
    void aFullQueueThatNothingDrainsIsAStall() {
        String stalled = ran.mainAt(0);
        assertThat(findings).as(findings.toString()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("consumer-stalled");
            assertThat(f.site()).isEqualTo(stalled);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.figure(Figure.DURATION_SECONDS)).isGreaterThanOrEqualTo(10);
        });
        assertThat(alerts).as(ran.run().stderr())
                .anySatisfy(a -> assertThat(a.kind() + " " + a.site()).isEqualTo("consumer-stalled " + stalled));
    }

    @Test
    void aSlowConsumerIsBackpressureAtInfo() {
        String healthy = ran.mainAt(1);
        assertThat(findings).filteredOn(f -> f.site().equals(healthy)).as(findings.toString()).isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.kind()).isEqualTo("backpressure-engaged");
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                });
        assertThat(alerts).noneSatisfy(a -> assertThat(a.site()).isEqualTo(healthy));
    }

    @Test
    void inFlightLevelledOffByItsPaceIsStillUnbounded() {
        String paced = lambdaLine(2);
        assertThat(findings).as(findings.toString()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("unbounded-fan-out");
            assertThat(f.site()).matches(paced);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.explanation()).contains("Little's law");
        });
        assertThat(alerts).as(ran.run().stderr()).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo("unbounded-fan-out");
            assertThat(a.site()).matches(paced);
        });
    }

    @Test
    void aSemaphoreIsALimit() {
        String limited = lambdaLine(3);
        assertThat(findings).filteredOn(f -> f.site().matches(limited)).as(findings.toString()).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("fan-out-limited");
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                });
        assertThat(alerts).noneSatisfy(a -> assertThat(a.site()).matches(limited));
    }

    @Test
    void aHandlerThatSubmitsTheSameTaskAgainHandlesTheRejectionAndOneThatDropsItDoesNot() {
        String retrying = lambdaLine(4);
        String dropping = lambdaLine(5);
        assertThat(findings).filteredOn(f -> f.site().matches(retrying)).as(findings.toString()).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("rejection-handled");
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                });
        assertThat(findings).filteredOn(f -> f.site().matches(dropping)).as(findings.toString()).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("rejection-dropped");
                    assertThat(f.severity()).isIn(Severity.WARNING, Severity.CRITICAL);
                });
    }

    /** The line printed at {@code index}, inside one of the workload's lambdas (whatever javac numbered it). */
    private static String lambdaLine(int index) {
        return java.util.regex.Pattern.quote(WhoMakesItWaitWorkload.class.getName() + ".lambda$main$") + "\\d+"
                + java.util.regex.Pattern.quote("(WhoMakesItWaitWorkload.java:" + ran.lines()[index] + ")");
    }
}

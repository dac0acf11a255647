package io.manometer.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.manometer.junit5.cases.BoundedCase;
import io.manometer.junit5.cases.LeakingCase;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The extension, run on test classes by the real JUnit engine in a JVM started with the agent. */
class ManometerExtensionTest {

    private static Events run(org.junit.platform.engine.DiscoverySelector selector) {
        return EngineTestKit.engine("junit-jupiter").selectors(selector).execute().testEvents();
    }

    @Test
    void aTestThatLeaksFailsWithTheFindingAsItsMessage() {
        Events events = run(selectClass(LeakingCase.class));
        events.assertStatistics(s -> s.started(1).failed(1));
        Throwable failure = events.failed().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage())
                .contains("missing backpressure in LeakingCase.exportsIntoAnUnboundedPool()")
                .contains("executor-backlog")
                .contains("at io.manometer.junit5.cases.LeakingCase.exportsIntoAnUnboundedPool(LeakingCase.java:12)")
                .contains("fix: ");
    }

    @Test
    void itsBoundedTwinPasses() {
        run(selectMethod(BoundedCase.class, "exportsIntoABoundedPool")).assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void aTestTooShortToJudgePassesButSaysWhatWasNotWatched() {
        Events events = run(selectMethod(BoundedCase.class, "endsInAnInstant"));
        events.assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(events.reportingEntryPublished().list()).anySatisfy(e -> assertThat(
                e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow()
                        .getKeyValuePairs().get("manometer")).startsWith("not everything was watched: "));
    }

    @Test
    void aTestThatFailsOnItsOwnKeepsItsOwnFailure() {
        Events events = run(selectMethod(BoundedCase.class, "failsOnItsOwn"));
        events.assertStatistics(s -> s.failed(1));
        assertThat(events.failed().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow())
                .hasMessage("its own failure");
    }
}

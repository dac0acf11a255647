package io.manometer.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.manometer.junit5.cases.LeakingCase;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Run by a Surefire execution of its own whose JVM starts without the agent: the extension attaches
 * the agent from the class path, and the leaking test still fails at its line. (The JDK classes the
 * JVM loaded before the attach count through the agent's side table.)
 */
class SelfAttachTest {
    @Test
    void withoutTheAgentTheExtensionAttachesItAndStillNamesTheLine() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(LeakingCase.class)).execute()
                .testEvents();
        events.assertStatistics(s -> s.started(1).failed(1));
        Throwable failure = events.failed().list().get(0).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).contains("missing backpressure in LeakingCase.exportsIntoAnUnboundedPool()")
                .contains("at io.manometer.junit5.cases.LeakingCase.exportsIntoAnUnboundedPool(LeakingCase.java:12)");
    }
}

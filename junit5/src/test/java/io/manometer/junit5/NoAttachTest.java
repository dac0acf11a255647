package io.manometer.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.manometer.junit5.cases.LeakingCase;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Run by a Surefire execution whose JVM forbids attaching (-XX:+DisableAttachMechanism) and has no
 * agent: the test fails, in one line, saying how to add the agent; it never passes unjudged.
 */
class NoAttachTest {
    @Test
    void whereTheAgentCannotBeAttachedTheTestFailsSayingHowToAddIt() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(LeakingCase.class)).execute()
                .testEvents();
        events.assertStatistics(s -> s.failed(1));
        Throwable failure = events.failed().list().get(0).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow();
        assertThat(failure.getMessage()).startsWith("Manometer: the agent is not running in this JVM and attaching it")
                .contains("start the test JVM with -javaagent:").doesNotContain("\n");
    }
}

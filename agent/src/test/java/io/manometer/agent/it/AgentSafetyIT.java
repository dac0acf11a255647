package io.manometer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.testkit.ChildJvm;
import org.junit.jupiter.api.Test;

/** What the agent must never do to the application it is attached to. */
class AgentSafetyIT {

    @Test
    void healthyStartIsQuiet() throws Exception {
        ChildJvm.Result run = ChildJvm.java()
                .args("-javaagent:" + ChildJvm.builtFile("manometer.agentJar"), "-cp", WorkloadRecording.testClasses(),
                        Hello.class.getName())
                .run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).isEqualTo("hello" + System.lineSeparator());
        // In particular no class-data-sharing warning: the bridge is not appended to the boot class path.
        assertThat(run.stderr()).as(run.toString()).isEmpty();
    }

    @Test
    void badOptionsCostOneLineEachAndTheApplicationRuns() throws Exception {
        ChildJvm.Result run = ChildJvm.java()
                .args("-javaagent:" + ChildJvm.builtFile("manometer.agentJar") + "=bogus=1,track.after=zero",
                        "-cp", WorkloadRecording.testClasses(), Hello.class.getName())
                .run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).isEqualTo("hello" + System.lineSeparator());
        assertThat(run.stderr().lines()).as(run.toString()).hasSize(2)
                .allMatch(l -> l.startsWith("[manometer] WARNING: "))
                .anyMatch(l -> l.contains("bogus"))
                .anyMatch(l -> l.contains("track.after=zero"));
    }

    @Test
    void disabledAgentTouchesNothing() throws Exception {
        ChildJvm.Result run = ChildJvm.java()
                .args("-javaagent:" + ChildJvm.builtFile("manometer.agentJar") + "=enabled=false,verbose=true",
                        "-cp", WorkloadRecording.testClasses(), QueueWorkload.class.getName())
                .run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderr()).contains("disabled").doesNotContain("instrumented");
    }
}

package io.manometer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.testkit.ChildJvm;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A million queues over a run: the agent's memory stays bounded and it keeps none alive. */
class ManyQueuesIT {
    private static final int QUEUES = 1_000_000;
    private static final Pattern RESULT = Pattern.compile("heapUsedAfterGc=(\\d+) alive=(\\d+) of (\\d+)");

    @Test
    void agentHeapStaysUnderTwentyMegabytesAndNoQueueIsKeptAlive() throws Exception {
        long without = heapAfter(false);
        long with = heapAfter(true);
        assertThat(with - without).as("agent heap after %,d queues", QUEUES).isLessThan(20L << 20);
    }

    private static long heapAfter(boolean agent) throws Exception {
        ChildJvm jvm = ChildJvm.java().args("-Xmx512m", "-XX:+UseSerialGC");
        if (agent) {
            jvm.args("-javaagent:" + ChildJvm.builtFile("manometer.agentJar"));
        }
        ChildJvm.Result run = jvm.args("-cp", WorkloadRecording.testClasses(), ManyQueuesWorkload.class.getName(),
                String.valueOf(QUEUES)).timeoutSeconds(300).run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Matcher m = RESULT.matcher(run.stdout());
        assertThat(m.find()).as(run.toString()).isTrue();
        assertThat(Long.parseLong(m.group(2))).as("queues still alive, agent=" + agent).isZero();
        System.out.printf("%s agent: heap after GC %,d bytes%n", agent ? "with" : "without", Long.parseLong(m.group(1)));
        return Long.parseLong(m.group(1));
    }
}

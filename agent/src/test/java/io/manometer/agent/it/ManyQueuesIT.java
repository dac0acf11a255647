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

    /**
     * The tracking's own budget (record=off) is what a million queues may cost; the live verdict
     * (record=auto: JFR's in-process stream, its constant pools, the live series) has a budget of
     * its own, measured at 6 to 14 MB here (BENCHMARKS.md).
     */
    @Test
    void agentHeapStaysUnderTwentyMegabytesAndNoQueueIsKeptAlive() throws Exception {
        long without = heapAfter(null);
        long tracking = heapAfter("record=off");
        long live = heapAfter("record=auto");
        assertThat(tracking - without).as("agent heap after %,d queues, tracking alone", QUEUES).isLessThan(20L << 20);
        assertThat(live - tracking).as("the live verdict's heap after %,d queues", QUEUES).isLessThan(24L << 20);
    }

    /** Heap used after GC at the end, without the agent (null) or with these agent options. */
    private static long heapAfter(String agentOptions) throws Exception {
        boolean agent = agentOptions != null;
        ChildJvm jvm = ChildJvm.java().args("-Xmx512m", "-XX:+UseSerialGC");
        if (agent) {
            jvm.args("-javaagent:" + ChildJvm.builtFile("manometer.agentJar") + "=" + agentOptions);
        }
        ChildJvm.Result run = jvm.args("-cp", WorkloadRecording.testClasses(), ManyQueuesWorkload.class.getName(),
                String.valueOf(QUEUES)).timeoutSeconds(300).run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Matcher m = RESULT.matcher(run.stdout());
        assertThat(m.find()).as(run.toString()).isTrue();
        assertThat(Long.parseLong(m.group(2))).as("queues still alive, agent=" + agent).isZero();
        System.out.printf("%s: heap after GC %,d bytes%n", agent ? agentOptions : "no agent", Long.parseLong(m.group(1)));
        return Long.parseLong(m.group(1));
    }
}

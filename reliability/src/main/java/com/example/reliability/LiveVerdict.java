package com.example.reliability;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What a workload asks of the agent's MBean, as an operator's script would. A busy test machine
 * judges later than a workload's steps take, and a verdict given only at exit dumps nothing, so a
 * workload that needs the dump holds its backlog until the verdict that dumps has come.
 */
final class LiveVerdict {
    private LiveVerdict() {}

    /**
     * Waits (silently, at most {@code seconds}) until the agent's live verdict is critical with the
     * heap's limit in sight, what makes it dump, then {@code afterMillis} more for the dump itself.
     * Without the agent it waits the whole time: give it 0 then.
     */
    static void holdUntilDumping(int seconds, long afterMillis) throws Exception {
        holdUntil(seconds, afterMillis, true);
    }

    /**
     * Waits (silently, at most {@code seconds}) until the agent's live verdict is critical, then
     * {@code afterMillis} more. For a run that needs the alert, not a projection of the heap: once
     * the backlog stops growing no projection comes, and a busy machine may judge only then.
     */
    static void holdUntilCritical(int seconds, long afterMillis) throws Exception {
        holdUntil(seconds, afterMillis, false);
    }

    private static void holdUntil(int seconds, long afterMillis, boolean heapLimitInSight) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName summary = new ObjectName("io.manometer:type=Summary");
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (server.isRegistered(summary) && (Integer) server.getAttribute(summary, "CriticalCount") > 0
                    && (!heapLimitInSight || (Double) server.getAttribute(summary, "SecondsToHeapExhaustion") >= 0)) {
                Thread.sleep(afterMillis);
                return;
            }
            Thread.sleep(100);
        }
    }
}

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
     * Keeps the pressure on (one {@code step} a millisecond, silently, at most {@code seconds})
     * until the agent's live verdict is critical, then waits {@code afterMillis} more. A backlog
     * that stops growing gets no critical verdict, and a busy machine may not have judged the growth
     * yet: so the growth goes on until it has. Without the agent it goes on the whole time: give it 0 then.
     */
    static void growUntilCritical(int seconds, Runnable step, long afterMillis) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long nextLook = 0;
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextLook) {
                if (verdictGiven(false)) {
                    Thread.sleep(afterMillis);
                    return;
                }
                nextLook = System.nanoTime() + 100_000_000L;
            }
            step.run();
            Thread.sleep(1);
        }
    }

    private static void holdUntil(int seconds, long afterMillis, boolean heapLimitInSight) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (verdictGiven(heapLimitInSight)) {
                Thread.sleep(afterMillis);
                return;
            }
            Thread.sleep(100);
        }
    }

    private static boolean verdictGiven(boolean heapLimitInSight) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName summary = new ObjectName("io.manometer:type=Summary");
        return server.isRegistered(summary) && (Integer) server.getAttribute(summary, "CriticalCount") > 0
                && (!heapLimitInSight || (Double) server.getAttribute(summary, "SecondsToHeapExhaustion") >= 0);
    }
}

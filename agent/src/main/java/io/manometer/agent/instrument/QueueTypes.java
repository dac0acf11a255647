package io.manometer.agent.instrument;

import java.util.Set;

/** What the agent knows about particular queue classes, in one place for the advice and the sampler. */
public final class QueueTypes {
    /**
     * Queues whose {@code size()} is O(1) and safe from any thread. Their depth is read from the
     * queue, so their removals need not be counted: removed = inserted - depth. Consumers of these
     * queues then run no advice at all.
     */
    private static final Set<String> EXACT_SIZE = Set.of(
            "java.util.concurrent.ArrayBlockingQueue",
            "java.util.concurrent.LinkedBlockingQueue",
            "java.util.concurrent.LinkedBlockingDeque",
            "java.util.concurrent.PriorityBlockingQueue",
            "java.util.concurrent.DelayQueue",
            "java.util.concurrent.SynchronousQueue",
            "java.util.ArrayDeque",
            "java.util.PriorityQueue");

    private QueueTypes() {}

    public static boolean hasExactSize(String className) {
        return EXACT_SIZE.contains(className);
    }
}

package io.manometer.agent.model;

import java.util.Set;

/** What the agent knows about particular queue classes, in one place for the advice and the sampler. */
public final class QueueTypes {
    /**
     * Blocking queues whose {@code size()} is O(1) and safe from any thread. Their depth is read
     * from the queue, so their removals need not be counted (removed = inserted - depth), and as
     * they are built for hand-off between threads, who consumes need not be watched either: their
     * consumers run no advice at all.
     */
    private static final Set<String> EXACT_SIZE_BLOCKING = Set.of(
            "java.util.concurrent.ArrayBlockingQueue",
            "java.util.concurrent.LinkedBlockingQueue",
            "java.util.concurrent.LinkedBlockingDeque",
            "java.util.concurrent.PriorityBlockingQueue",
            "java.util.concurrent.DelayQueue",
            "java.util.concurrent.SynchronousQueue");
    /** Not thread-safe, but sized by arithmetic on fields: read racily, never wrong by much. */
    private static final Set<String> EXACT_SIZE_PLAIN = Set.of("java.util.ArrayDeque", "java.util.PriorityQueue");
    /**
     * A Queue the agent gives no counters: far more often a List than a queue, and counting every
     * list would cost every application. A large one is watched as ArrayDeque is (LinkedListAdvice).
     */
    public static final String NOT_A_BUFFER = "java/util/LinkedList";

    private QueueTypes() {}

    /**
     * Whether the class (below {@code AbstractCollection}) declares its own {@code isEmpty()}. Such a
     * method reads a head or two indices; the inherited one calls {@code size()}, which may walk.
     */
    private static final ClassValue<Boolean> DECLARES_IS_EMPTY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != java.util.AbstractCollection.class && c != Object.class;
                    c = c.getSuperclass()) {
                try {
                    java.lang.reflect.Method m = c.getDeclaredMethod("isEmpty");
                    return !java.lang.reflect.Modifier.isAbstract(m.getModifiers());
                } catch (NoSuchMethodException e) {
                    // look further up
                }
            }
            return false;
        }
    };

    /** Whether {@code isEmpty()} can be called every sampling period without walking the queue. */
    public static boolean hasCheapEmptyCheck(Class<?> type) {
        return DECLARES_IS_EMPTY.get(type);
    }

    public static boolean hasExactSize(String className) {
        return EXACT_SIZE_BLOCKING.contains(className) || EXACT_SIZE_PLAIN.contains(className);
    }

    /** Whether removals are derived rather than counted, so consumers run no advice. */
    public static boolean removalsDerived(String className) {
        return EXACT_SIZE_BLOCKING.contains(className);
    }

    /**
     * Queues built to hand elements between threads: reported whenever they grow. Any other queue is
     * reported only once the agent has seen it used from more than one thread.
     */
    public static boolean builtForHandOff(Object queue) {
        return queue instanceof java.util.concurrent.BlockingQueue
                || queue.getClass().getName().startsWith("java.util.concurrent.");
    }
}

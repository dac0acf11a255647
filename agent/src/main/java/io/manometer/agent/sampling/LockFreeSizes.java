package io.manometer.agent.sampling;

import io.manometer.agent.AgentLog;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.PriorityBlockingQueue;

/**
 * The size and bound of the JDK's queues that guard them with the queue's own lock
 * ({@code ArrayBlockingQueue}, {@code LinkedBlockingDeque}, {@code PriorityBlockingQueue}), read
 * from their fields. Through {@code size()} the sampler would take the application's lock every
 * period: a producer that finds it held parks, and its compiled loop is thrown away for a branch it
 * had never taken (the plain-loop gap in BENCHMARKS.md). A racy read is as good as a locked one for
 * a sample. Where a field cannot be read (the package not opened, a JDK that renamed it), the
 * queue's own methods are used, as before.
 */
public final class LockFreeSizes {
    /** Returned by {@link #bound} when the fields do not say: ask the queue. */
    public static final long UNKNOWN = -2;

    private LockFreeSizes() {}

    /** Opens java.util.concurrent to the agent alone, for these reads; at start, once. */
    public static void open(Instrumentation inst) {
        try {
            inst.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
                    Map.of("java.util.concurrent", Set.of(LockFreeSizes.class.getModule())), Set.of(), Map.of());
        } catch (RuntimeException e) {
            AgentLog.info("queue sizes are read through the queues' own methods: " + e);
        }
    }

    /** Read on the sampler's thread only, resolved at its first sample, not in premain. */
    private static final class Fields {
        static final Field ARRAY_COUNT = field(ArrayBlockingQueue.class, "count");
        static final Field ARRAY_ITEMS = field(ArrayBlockingQueue.class, "items");
        static final Field DEQUE_COUNT = field(LinkedBlockingDeque.class, "count");
        static final Field DEQUE_CAPACITY = field(LinkedBlockingDeque.class, "capacity");
        static final Field PRIORITY_SIZE = field(PriorityBlockingQueue.class, "size");

        private static Field field(Class<?> owner, String name) {
            try {
                Field f = owner.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }

    /** The number of elements, without taking the queue's lock where its fields allow. */
    public static long size(Collection<?> c) {
        try {
            if (c instanceof ArrayBlockingQueue && Fields.ARRAY_COUNT != null) {
                return Fields.ARRAY_COUNT.getInt(c);
            }
            if (c instanceof LinkedBlockingDeque && Fields.DEQUE_COUNT != null) {
                return Fields.DEQUE_COUNT.getInt(c);
            }
            if (c instanceof PriorityBlockingQueue && Fields.PRIORITY_SIZE != null) {
                return Fields.PRIORITY_SIZE.getInt(c);
            }
        } catch (IllegalAccessException e) {
            // fall through to the method
        }
        return c.size();
    }

    /** The bound set at construction (-1 for an unbounded queue), or {@link #UNKNOWN}. */
    public static long bound(Object queue) {
        try {
            if (queue instanceof ArrayBlockingQueue && Fields.ARRAY_ITEMS != null) {
                return ((Object[]) Fields.ARRAY_ITEMS.get(queue)).length;
            }
            if (queue instanceof LinkedBlockingDeque && Fields.DEQUE_CAPACITY != null) {
                int capacity = Fields.DEQUE_CAPACITY.getInt(queue);
                return capacity == Integer.MAX_VALUE ? -1 : capacity;
            }
            if (queue instanceof PriorityBlockingQueue) {
                return -1;
            }
        } catch (IllegalAccessException e) {
            // fall through: unknown
        }
        return UNKNOWN;
    }
}

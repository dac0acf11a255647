package io.manometer.agent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Atomic increments of {@link BufferCounters}, for the few places where many threads update the
 * same counter at once and a lost update would mislead (tasks completing on many threads). A class
 * of its own so the VarHandle machinery loads only when one of those places runs.
 */
public final class AtomicCounting {
    private static final VarHandle INSERTED;
    private static final VarHandle REMOVED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            INSERTED = lookup.findVarHandle(CounterPadding.InsertSide.class, "inserted", long.class);
            REMOVED = lookup.findVarHandle(CounterPadding.RemoveSide.class, "removed", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private AtomicCounting() {}

    public static long inserted(BufferCounters counters) {
        return (long) INSERTED.getAndAdd(counters, 1L) + 1;
    }

    public static void removed(BufferCounters counters) {
        REMOVED.getAndAdd(counters, 1L);
    }
}

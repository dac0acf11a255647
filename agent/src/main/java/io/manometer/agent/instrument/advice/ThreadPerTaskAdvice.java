package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.AtomicCounting;
import io.manometer.agent.bootstrap.Bridge;
import io.manometer.agent.bootstrap.BufferCounters;
import net.bytebuddy.asm.Advice;

/**
 * A thread-per-task executor has no queue: its backlog is the tasks in flight, started minus
 * completed. Both ends run on many threads at once, so these counts are atomic.
 */
public final class ThreadPerTaskAdvice {
    private ThreadPerTaskAdvice() {}

    /** The executor's start(Runnable): every execute and submit passes through it. */
    public static final class Started {
        private Started() {}

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object self, @CounterField.Value BufferCounters value) {
            BufferCounters counters = value; // read once (see InsertAdvice)
            if (counters != null && AtomicCounting.inserted(counters) >= counters.trackAt) {
                Bridge.bufferActive(self, counters);
            }
        }
    }

    /** The executor's taskComplete(Thread): a task's thread finished. */
    public static final class Completed {
        private Completed() {}

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@CounterField.Value BufferCounters value) {
            BufferCounters counters = value; // read once (see InsertAdvice)
            if (counters != null) {
                AtomicCounting.removed(counters);
            }
        }
    }
}

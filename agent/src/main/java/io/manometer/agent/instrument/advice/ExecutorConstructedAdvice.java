package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import io.manometer.agent.bootstrap.BufferCounters;
import net.bytebuddy.asm.Advice;

/**
 * Registers a new ThreadPoolExecutor (or subclass) with the queue its tasks wait in and gives it
 * the counters its submissions bump. The null check makes {@code this(...)} chains register once.
 */
public final class ExecutorConstructedAdvice {
    private ExecutorConstructedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.FieldValue("workQueue") Object workQueue,
                     @Advice.FieldValue(value = CounterField.NAME, readOnly = false) BufferCounters counters) {
        if (counters == null) {
            counters = Bridge.executorCreated(self, workQueue);
        }
    }
}

package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import io.manometer.agent.bootstrap.BufferCounters;
import net.bytebuddy.asm.Advice;

/** Registers a new executor that has no single work queue (ForkJoinPool, thread-per-task). */
public final class GenericExecutorConstructedAdvice {
    private GenericExecutorConstructedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self,
                     @Advice.FieldValue(value = CounterField.NAME, readOnly = false) BufferCounters counters) {
        if (counters == null) {
            counters = Bridge.executorCreated(self, null);
        }
    }
}

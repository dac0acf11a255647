package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import io.manometer.agent.bootstrap.BufferCounters;
import net.bytebuddy.asm.Advice;

/** Registers a new ForkJoinPool; its tasks wait in per-worker queues, not in one queue object. */
public final class ForkJoinPoolConstructedAdvice {
    private ForkJoinPoolConstructedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self,
                     @Advice.FieldValue(value = CounterField.NAME, readOnly = false) BufferCounters counters) {
        if (counters == null) {
            counters = Bridge.executorCreated(self, null);
        }
    }
}

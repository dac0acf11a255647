package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import io.manometer.agent.bootstrap.BufferCounters;
import net.bytebuddy.asm.Advice;

/** A removal that returned an element removed it (poll, take, remove(), pop...). */
public final class RemoveReturnedAdvice {
    private RemoveReturnedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.Return Object element,
                     @CounterField.Value BufferCounters value) {
        if (element == null) {
            return;
        }
        BufferCounters counters = value; // read once (see InsertAdvice)
        if (counters != null && ++counters.removed >= counters.removeAt) {
            Bridge.bufferDrained(self, counters);
        }
    }
}

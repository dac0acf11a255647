package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import io.manometer.agent.bootstrap.BufferCounters;
import net.bytebuddy.asm.Advice;

/** remove(Object) and its kin removed one element when they return true. */
public final class RemoveIfTrueAdvice {
    private RemoveIfTrueAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.Return boolean removed,
                     @CounterField.Value BufferCounters value) {
        if (!removed) {
            return;
        }
        BufferCounters counters = value; // read once (see InsertAdvice)
        if (counters != null && ++counters.removed >= counters.removeAt) {
            Bridge.bufferDrained(self, counters);
        }
    }
}

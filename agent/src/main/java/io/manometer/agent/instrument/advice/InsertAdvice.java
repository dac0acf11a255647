package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import io.manometer.agent.bootstrap.BufferCounters;
import net.bytebuddy.asm.Advice;

/** An insert that returns normally has inserted one element (put, addLast, push, transfer...). */
public final class InsertAdvice {
    private InsertAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @CounterField.Value BufferCounters value) {
        BufferCounters counters = value; // read once: from the side table, each read is a lookup
        if (counters != null && ++counters.inserted >= counters.trackAt) {
            Bridge.bufferActive(self, counters);
        }
    }
}

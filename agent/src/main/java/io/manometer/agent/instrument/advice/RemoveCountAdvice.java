package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import io.manometer.agent.bootstrap.BufferCounters;
import net.bytebuddy.asm.Advice;

/** drainTo returns how many elements it moved out. */
public final class RemoveCountAdvice {
    private RemoveCountAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.Return int moved, @CounterField.Value BufferCounters value) {
        if (moved <= 0) {
            return;
        }
        BufferCounters counters = value; // read once (see InsertAdvice)
        if (counters != null && (counters.removed += moved) >= counters.removeAt) {
            Bridge.bufferDrained(self, counters);
        }
    }
}

package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import io.manometer.agent.bootstrap.BufferCounters;
import net.bytebuddy.asm.Advice;

/** An insert that returned true has inserted one element (offer, add, tryTransfer...); false, refused it. */
public final class InsertIfTrueAdvice {
    private InsertIfTrueAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.Return boolean accepted,
                     @CounterField.Value BufferCounters value) {
        BufferCounters counters = value; // read once (see InsertAdvice)
        if (counters == null) {
            return;
        }
        if (!accepted) {
            counters.refused++;
        } else if (++counters.inserted >= counters.trackAt) {
            Bridge.bufferActive(self, counters);
        }
    }
}

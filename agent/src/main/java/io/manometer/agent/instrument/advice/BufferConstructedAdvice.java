package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import io.manometer.agent.bootstrap.BufferCounters;
import net.bytebuddy.asm.Advice;

/**
 * Gives a new queue its counters. Applied to the constructors of the class that declares the
 * field, which every subclass constructor runs; the null check covers {@code this(...)} chains.
 */
public final class BufferConstructedAdvice {
    private BufferConstructedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self,
                     @Advice.FieldValue(value = CounterField.NAME, readOnly = false) BufferCounters counters) {
        if (counters == null) {
            counters = Bridge.bufferCreated(self);
        }
    }
}

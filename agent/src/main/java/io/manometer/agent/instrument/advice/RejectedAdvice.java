package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.BufferCounters;
import net.bytebuddy.asm.Advice;

/** ThreadPoolExecutor.reject: the executor turned a task away (whatever its handler then does). */
public final class RejectedAdvice {
    private RejectedAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@CounterField.Value BufferCounters value) {
        BufferCounters counters = value; // read once (see InsertAdvice)
        if (counters != null) {
            counters.refused++;
        }
    }
}

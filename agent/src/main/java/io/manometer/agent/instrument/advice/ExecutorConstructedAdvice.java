package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/** Registers a new ThreadPoolExecutor (or subclass) with the queue its tasks wait in. */
public final class ExecutorConstructedAdvice {
    private ExecutorConstructedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.FieldValue("workQueue") Object workQueue) {
        Bridge.executorCreated(self, workQueue);
    }
}

package io.manometer.agent.instrument.advice;

import io.manometer.agent.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Gives a new queue or executor of a class loaded before the agent its counters, in the agent's
 * side table: such a class cannot be given the field. On every constructor of those classes; the
 * outer constructors of a {@code this(...)} chain find the counters already given.
 */
public final class SideTableConstructedAdvice {
    private SideTableConstructedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self) {
        Bridge.constructedWithoutField(self);
    }
}

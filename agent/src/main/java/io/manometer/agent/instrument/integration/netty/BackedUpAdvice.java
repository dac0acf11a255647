package io.manometer.agent.instrument.integration.netty;

import io.manometer.agent.bootstrap.Bridge;
import io.manometer.agent.bootstrap.OutboundCounters;
import io.manometer.agent.model.CounterFieldName;
import net.bytebuddy.asm.Advice;

/**
 * Pending bytes grew: if that turned the channel unwritable, count it, and the first time give the
 * channel its counters (the agent takes the writer's line from this thread's stack).
 */
public final class BackedUpAdvice {
    private BackedUpAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static int enter(@Advice.FieldValue("unwritable") int unwritable) {
        return unwritable;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.FieldValue("unwritable") int unwritable,
                     @Advice.Enter int before,
                     @Advice.FieldValue(value = CounterFieldName.OUTBOUND, readOnly = false) OutboundCounters counters) {
        if (before == 0 && unwritable != 0) {
            if (counters == null) {
                counters = Bridge.outboundBackedUp(self, OutboundCounters.NETTY_CHANNEL);
            }
            counters.becameUnwritable++;
        }
    }
}

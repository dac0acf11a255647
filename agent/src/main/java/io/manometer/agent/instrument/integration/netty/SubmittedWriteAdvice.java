package io.manometer.agent.instrument.integration.netty;

import io.manometer.agent.bootstrap.OutboundCounters;
import io.manometer.agent.model.CounterFieldName;
import net.bytebuddy.asm.Advice;

/** A write from outside the channel's event loop is submitted to it, on the writing thread. */
public final class SubmittedWriteAdvice {
    private SubmittedWriteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.FieldValue("unwritable") int unwritable, @Advice.Argument(0) long size,
                      @Advice.FieldValue(CounterFieldName.OUTBOUND) OutboundCounters counters) {
        if (counters != null) {
            counters.writes++;
            counters.bytesAdded += size;
            if (unwritable != 0) {
                counters.writesWhileUnwritable++;
            }
        }
    }
}

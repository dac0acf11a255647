package io.manometer.agent.instrument.integration.netty;

import io.manometer.agent.bootstrap.OutboundCounters;
import io.manometer.agent.model.CounterFieldName;
import net.bytebuddy.asm.Advice;

/**
 * A submitted write runs on the event loop: the message it adds next was counted when submitted.
 * Event-loop thread only, so a plain flag on the channel's counters is enough.
 */
public final class SubmittedWriteArrivesAdvice {
    private SubmittedWriteArrivesAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.FieldValue(CounterFieldName.OUTBOUND) OutboundCounters counters) {
        if (counters != null) {
            counters.continuesSubmittedWrite = true;
        }
    }
}

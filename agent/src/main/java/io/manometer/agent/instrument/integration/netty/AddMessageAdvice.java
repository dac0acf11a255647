package io.manometer.agent.instrument.integration.netty;

import io.manometer.agent.bootstrap.OutboundCounters;
import io.manometer.agent.model.CounterFieldName;
import net.bytebuddy.asm.Advice;

/** A message enters the channel's outbound buffer, on its event loop. */
public final class AddMessageAdvice {
    private AddMessageAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.FieldValue("unwritable") int unwritable, @Advice.Argument(1) int size,
                      @Advice.FieldValue(CounterFieldName.OUTBOUND) OutboundCounters counters) {
        if (counters == null) {
            return; // never backed up: nothing to count
        }
        if (counters.continuesSubmittedWrite) {
            counters.continuesSubmittedWrite = false; // counted on the thread that wrote it
            return;
        }
        counters.writes++;
        counters.bytesAdded += size;
        if (unwritable != 0) {
            counters.writesWhileUnwritable++;
        }
    }
}

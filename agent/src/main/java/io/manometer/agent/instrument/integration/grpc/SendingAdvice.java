package io.manometer.agent.instrument.integration.grpc;

import io.manometer.agent.bootstrap.Bridge;
import io.manometer.agent.bootstrap.OutboundCounters;
import io.manometer.agent.model.CounterFieldName;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.bytebuddy.asm.Advice;

/**
 * A message's bytes are handed to the stream's transport, on the thread that sent it: counted, with
 * whether the stream was ready (what {@code isReady()} would have said); the first time the stream
 * stops being ready it gets its counters, and the agent takes the sender's line from the stack.
 */
public final class SendingAdvice {
    private SendingAdvice() {}

    /** The stream's ready threshold: its field where gRPC has one, else gRPC's constant. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface ReadyThreshold {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.Argument(0) int bytes, @Advice.FieldValue("numSentBytesQueued") int queued,
                         @Advice.FieldValue("allocated") boolean allocated, @ReadyThreshold int threshold,
                         @Advice.FieldValue(CounterFieldName.OUTBOUND) OutboundCounters counters) {
        boolean ready = !allocated || queued < threshold; // before allocation the stream is not yet flowing
        if (counters != null) {
            counters.writes++;
            counters.bytesAdded += bytes;
            if (!ready) {
                counters.writesWhileUnwritable++;
            }
        }
        return ready;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.Enter boolean wasReady,
                     @Advice.FieldValue("numSentBytesQueued") int queued,
                     @Advice.FieldValue("allocated") boolean allocated, @ReadyThreshold int threshold,
                     @Advice.FieldValue(value = CounterFieldName.OUTBOUND, readOnly = false) OutboundCounters counters) {
        if (wasReady && allocated && queued >= threshold) {
            if (counters == null) {
                counters = Bridge.outboundBackedUp(self, OutboundCounters.GRPC_STREAM);
            }
            counters.becameUnwritable++;
        }
    }
}

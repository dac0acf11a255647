package io.manometer.agent.instrument.integration.grpc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.manometer.agent.bootstrap.OutboundCounters;
import io.manometer.agent.instrument.integration.LibraryIntegration;
import io.manometer.agent.model.CounterFieldName;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.modifier.FieldManifestation;
import net.bytebuddy.description.modifier.SyntheticState;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;

/**
 * gRPC-Java's {@code AbstractStream.TransportState}, one per call on every transport: it counts the
 * bytes a stream has handed to its transport and not yet sent ({@code numSentBytesQueued}), and the
 * stream is ready ({@code isReady()}, {@code onReadyHandler}) while they stay under its threshold.
 * {@code StreamObserver.onNext} never waits for that: the advice, on {@code onSendingBytes}, which
 * runs on the thread that called {@code onNext}, counts the messages sent while the stream was not
 * ready. Streams that never stop being ready (nearly all unary calls) get no counters.
 */
public final class GrpcStreamIntegration implements LibraryIntegration {
    /** The threshold before gRPC made it settable (and still its default): 32 KiB. */
    static final int DEFAULT_READY_THRESHOLD = 32 * 1024;

    @Override
    public boolean instruments(String internalName) {
        return internalName.endsWith(Grpc.STREAM_STATE);
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type) {
        FieldList<FieldDescription.InDefinedShape> fields = type.getDeclaredFields();
        if (fields.filter(named("numSentBytesQueued")).isEmpty() || fields.filter(named("allocated")).isEmpty()) {
            return null; // not the gRPC this advice reads
        }
        FieldList<FieldDescription.InDefinedShape> threshold = fields.filter(named("onReadyThreshold"));
        Advice.WithCustomMapping mapping = threshold.isEmpty()
                ? Advice.withCustomMapping().bind(SendingAdvice.ReadyThreshold.class, DEFAULT_READY_THRESHOLD)
                : Advice.withCustomMapping().bind(SendingAdvice.ReadyThreshold.class, threshold.getOnly());
        return builder
                .defineField(CounterFieldName.OUTBOUND, OutboundCounters.class, Visibility.PRIVATE,
                        FieldManifestation.PLAIN, SyntheticState.SYNTHETIC)
                .visit(mapping.to(SendingAdvice.class).on(named("onSendingBytes").and(takesArguments(int.class))));
    }
}

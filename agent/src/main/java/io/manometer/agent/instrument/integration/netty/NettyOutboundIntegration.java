package io.manometer.agent.instrument.integration.netty;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.manometer.agent.bootstrap.OutboundCounters;
import io.manometer.agent.instrument.integration.LibraryIntegration;
import io.manometer.agent.model.CounterFieldName;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.modifier.FieldManifestation;
import net.bytebuddy.description.modifier.SyntheticState;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;

/**
 * Netty 4's {@code ChannelOutboundBuffer}, one per channel: the bytes written and not yet taken by
 * the socket, without bound. Netty signals when it passes the channel's high water mark (the channel
 * turns unwritable) and leaves it to the writer to wait. The advice counts the writes the
 * application decides on, and which of them it made while the channel said "not writable":
 *
 * <ul>
 *   <li>a write made on the channel's event loop reaches {@code addMessage} directly;</li>
 *   <li>a write from another thread is counted when submitted ({@code incrementPendingOutboundBytes(long)},
 *       on the writing thread), and its later {@code addMessage} on the event loop, which follows
 *       {@code decrementPendingOutboundBytes(long)}, is not counted again;</li>
 *   <li>the first time a channel turns unwritable, on the writing thread (the private
 *       {@code incrementPendingOutboundBytes(long, boolean)}), it gets its counters and the
 *       application's line is taken from the stack.</li>
 * </ul>
 * The pending bytes themselves are read by the sampler from {@code totalPendingSize}.
 */
public final class NettyOutboundIntegration implements LibraryIntegration {
    private static final String[] FIELDS_READ = {"unwritable", "totalPendingSize"};

    @Override
    public boolean instruments(String internalName) {
        return internalName.endsWith(Netty.OUTBOUND_BUFFER);
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type) {
        for (String field : FIELDS_READ) {
            if (type.getDeclaredFields().filter(named(field)).isEmpty()) {
                return null; // not the Netty 4 this advice reads
            }
        }
        return builder
                .defineField(CounterFieldName.OUTBOUND, OutboundCounters.class, Visibility.PRIVATE,
                        FieldManifestation.PLAIN, SyntheticState.SYNTHETIC)
                .visit(Advice.to(AddMessageAdvice.class).on(named("addMessage").and(takesArguments(3))))
                .visit(Advice.to(SubmittedWriteAdvice.class).on(named("incrementPendingOutboundBytes")
                        .and(takesArguments(long.class))))
                .visit(Advice.to(SubmittedWriteArrivesAdvice.class).on(named("decrementPendingOutboundBytes")
                        .and(takesArguments(long.class))))
                .visit(Advice.to(BackedUpAdvice.class).on(named("incrementPendingOutboundBytes")
                        .and(takesArguments(long.class, boolean.class))));
    }
}

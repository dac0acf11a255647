package io.manometer.agent.instrument.integration.netty;

import io.manometer.agent.bootstrap.OutboundCounters;
import io.manometer.agent.instrument.integration.Library;
import io.manometer.agent.instrument.integration.LibraryIntegration;
import io.manometer.agent.model.OutboundTransport;
import io.manometer.schema.EventSchema;

/** Netty 4: each channel's outbound buffer, in whatever package a relocation put Netty. */
public final class Netty implements Library {
    static final String OUTBOUND_BUFFER = "netty/channel/ChannelOutboundBuffer";
    private static final OutboundTransport CHANNEL = new OutboundTransport(OutboundCounters.NETTY_CHANNEL,
            EventSchema.OutboundSample.Transports.NETTY_CHANNEL, "totalPendingSize");

    @Override
    public String classNameEnd() {
        return OUTBOUND_BUFFER;
    }

    @Override
    public OutboundTransport transport() {
        return CHANNEL;
    }

    @Override
    public LibraryIntegration integration() {
        return new NettyOutboundIntegration();
    }
}

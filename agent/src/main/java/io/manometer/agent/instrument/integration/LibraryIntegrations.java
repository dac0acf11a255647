package io.manometer.agent.instrument.integration;

import io.manometer.agent.instrument.integration.grpc.GrpcStreamIntegration;
import io.manometer.agent.instrument.integration.netty.NettyOutboundIntegration;
import java.util.List;

/**
 * Every library integration, and the gate every loaded class passes: a check of the end of its
 * name, which loads no Byte Buddy class (the integrations themselves are made at warm-up).
 */
public final class LibraryIntegrations {
    /** Netty's per-channel outbound buffer, in whatever package a relocation put Netty. */
    public static final String NETTY_OUTBOUND_BUFFER = "netty/channel/ChannelOutboundBuffer";
    /** gRPC-Java's per-stream flow-control state, the same on every transport. */
    public static final String GRPC_STREAM_STATE = "io/grpc/internal/AbstractStream$TransportState";

    private LibraryIntegrations() {}

    /** Whether some integration may instrument the class: its name ends as one of theirs. */
    public static boolean mayInstrument(String internalName) {
        return internalName.endsWith(NETTY_OUTBOUND_BUFFER) || internalName.endsWith(GRPC_STREAM_STATE);
    }

    /** The integrations, one per library. */
    public static List<LibraryIntegration> all() {
        return List.of(new NettyOutboundIntegration(), new GrpcStreamIntegration());
    }
}

package io.manometer.agent.instrument.integration.grpc;

import io.manometer.agent.bootstrap.OutboundCounters;
import io.manometer.agent.instrument.integration.Library;
import io.manometer.agent.instrument.integration.LibraryIntegration;
import io.manometer.agent.model.OutboundTransport;
import io.manometer.schema.EventSchema;

/** gRPC-Java: each stream's flow-control state, the same on every transport. */
public final class Grpc implements Library {
    static final String STREAM_STATE = "io/grpc/internal/AbstractStream$TransportState";
    private static final OutboundTransport STREAM = new OutboundTransport(OutboundCounters.GRPC_STREAM,
            EventSchema.OutboundSample.Transports.GRPC_STREAM, "numSentBytesQueued");

    @Override
    public String classNameEnd() {
        return STREAM_STATE;
    }

    @Override
    public OutboundTransport transport() {
        return STREAM;
    }

    @Override
    public LibraryIntegration integration() {
        return new GrpcStreamIntegration();
    }
}

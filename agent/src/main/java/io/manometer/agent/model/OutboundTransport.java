package io.manometer.agent.model;

import io.manometer.agent.bootstrap.OutboundCounters;
import io.manometer.schema.EventSchema;

/**
 * The network libraries whose per-connection outbound buffers the agent follows: how advice names
 * each one, how the recording names it, and the field of the library's class that holds the
 * connection's pending bytes (read by the sampler, never on the write path).
 */
public enum OutboundTransport {
    NETTY_CHANNEL(OutboundCounters.NETTY_CHANNEL, EventSchema.OutboundSample.Transports.NETTY_CHANNEL, "totalPendingSize"),
    GRPC_STREAM(OutboundCounters.GRPC_STREAM, EventSchema.OutboundSample.Transports.GRPC_STREAM, "numSentBytesQueued");

    public final int code;
    public final String label;
    public final String pendingBytesField;

    OutboundTransport(int code, String label, String pendingBytesField) {
        this.code = code;
        this.label = label;
        this.pendingBytesField = pendingBytesField;
    }

    /** The transport advice named by {@code code}; null for one this agent does not know. */
    public static OutboundTransport of(int code) {
        for (OutboundTransport t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}

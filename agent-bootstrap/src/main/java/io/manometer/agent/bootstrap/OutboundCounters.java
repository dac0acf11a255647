package io.manometer.agent.bootstrap;

/**
 * Cumulative counts of one connection's outbound buffer in a network library (a Netty channel's
 * {@code ChannelOutboundBuffer}, a gRPC stream), held in a field the agent adds to that class.
 * A connection gets them only once it first backs up (stops being writable): the many that never
 * do cost a null check per write. Plain {@code long}s, racy by design as in {@link BufferCounters}.
 */
public final class OutboundCounters {
    /** Transports, as advice names them to {@link Bridge#outboundBackedUp}. */
    public static final int NETTY_CHANNEL = 1;
    public static final int GRPC_STREAM = 2;

    /** Writes the application decided on (messages handed to the channel, frames to the stream). */
    public long writes;
    /** Of those, the ones made while the connection said it was not writable (not ready). */
    public long writesWhileUnwritable;
    /** Bytes those writes added to the pending total. */
    public long bytesAdded;
    /** Times the connection went from writable to not writable. */
    public long becameUnwritable;
    /**
     * Netty, event-loop thread only: the next message added continues a write already counted on
     * the thread that made it (a write from outside the event loop is counted when submitted).
     */
    public boolean continuesSubmittedWrite;
    /** Opaque agent-side state (the group it is summed in); never touched by advice. */
    public volatile Object agentState;
}

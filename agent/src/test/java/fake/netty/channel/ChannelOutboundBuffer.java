package fake.netty.channel;

/** A class named like Netty's that is not the Netty the integration reads: it has none of its fields. */
public final class ChannelOutboundBuffer {
    public void addMessage(Object msg, int size, Object promise) {}
}

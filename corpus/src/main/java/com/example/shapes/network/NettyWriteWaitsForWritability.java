package com.example.shapes.network;

import com.example.shapes.Load;
import com.example.shapes.SlowReader;
import io.manometer.corpus.Shape;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;

/** The same feed, waiting while the channel is not writable, woken by channelWritabilityChanged. */
@Shape(buffer = "network outbound", behaviour = "slow consumer behind a bound")
public final class NettyWriteWaitsForWritability {
    public static void main(String[] args) throws Exception {
        NettyFeed feed = new NettyFeed();
        SlowReader.start(feed.port);
        Channel channel = feed.subscriber();
        byte[] update = new byte[512];
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, i -> {
            synchronized (feed.writability) {
                while (!channel.isWritable()) {
                    feed.writability.wait(100);
                }
            }
            channel.writeAndFlush(Unpooled.copiedBuffer(update));
        });
        Load.done("written");
    }
}

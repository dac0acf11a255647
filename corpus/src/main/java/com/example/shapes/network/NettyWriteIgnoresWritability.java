package com.example.shapes.network;

import com.example.shapes.Load;
import com.example.shapes.SlowReader;
import io.manometer.corpus.Shape;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;

/** Updates written to a subscriber reading 200 KB/s, never looking at isWritable(): the outbound buffer grows. */
@Shape(buffer = "network outbound", behaviour = "continuous overload", expect = {"outbound-growth",
        "writability-ignored"})
public final class NettyWriteIgnoresWritability {
    public static void main(String[] args) throws Exception {
        NettyFeed feed = new NettyFeed();
        SlowReader.start(feed.port);
        Channel channel = feed.subscriber();
        byte[] update = new byte[512];
        Load.pace(Load.deadline(Load.seconds(args)), 4_000, i -> channel.writeAndFlush(Unpooled.copiedBuffer(update)));
        Load.done("written");
    }
}

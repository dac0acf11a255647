package io.manometer.trials;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Netty, a plain pipeline. A feed thread pushes 512-byte updates to a subscriber's channel with
 * {@code writeAndFlush} as fast as they come; the subscriber reads at about 200 KB/s. Broken: it
 * never looks at {@code isWritable()}, so every update waits in the channel's outbound buffer. Fixed:
 * it waits while the channel is not writable, woken by {@code channelWritabilityChanged}.
 */
final class NettyPipelineTrial {
    private NettyPipelineTrial() {}

    static void run(boolean fixed, long seconds) throws Exception {
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(1);
        CompletableFuture<Channel> subscriber = new CompletableFuture<>();
        Object writability = new Object();
        try {
            Channel server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.SO_SNDBUF, 32 * 1024)
                    .childHandler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelActive(ChannelHandlerContext ctx) {
                            subscriber.complete(ctx.channel());
                        }

                        @Override
                        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                            synchronized (writability) {
                                writability.notifyAll();
                            }
                        }
                    })
                    .bind("127.0.0.1", 0).sync().channel();
            try (Socket client = SlowReader.start(((InetSocketAddress) server.localAddress()).getPort(), "")) {
                Channel channel = subscriber.get(10, TimeUnit.SECONDS);
                byte[] update = new byte[512];
                long deadline = System.nanoTime() + seconds * 1_000_000_000L;
                for (long n = 1; Pace.before(deadline) && channel.isActive(); n++) {
                    if (fixed) {
                        synchronized (writability) {
                            while (!channel.isWritable() && channel.isActive() && Pace.before(deadline)) {
                                writability.wait(100);
                            }
                        }
                    }
                    channel.writeAndFlush(Unpooled.copiedBuffer(update));
                    Pace.produced(n);
                }
                channel.close().sync();
            }
            server.close().sync();
        } finally {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}

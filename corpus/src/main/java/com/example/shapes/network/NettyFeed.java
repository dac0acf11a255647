package com.example.shapes.network;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A Netty server on loopback whose one subscriber's channel the programs write to. */
final class NettyFeed {
    final Object writability = new Object();
    private final CompletableFuture<Channel> subscriber = new CompletableFuture<>();
    final int port;

    NettyFeed() throws InterruptedException {
        Channel server = new ServerBootstrap().group(new NioEventLoopGroup(1), new NioEventLoopGroup(1))
                .channel(NioServerSocketChannel.class)
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
        port = ((InetSocketAddress) server.localAddress()).getPort();
    }

    Channel subscriber() throws Exception {
        return subscriber.get(10, TimeUnit.SECONDS);
    }
}

package io.manometer.trials;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * Netty's HTTP server under a slow reader. A request for an export is answered with a chunked
 * response written from the channel's event loop, 20 rows of 512 bytes every millisecond. Broken:
 * the rows are written whatever the channel says. Fixed: writing stops while the channel is not
 * writable and resumes in {@code channelWritabilityChanged}.
 */
final class NettyHttpTrial {
    private NettyHttpTrial() {}

    static void run(boolean fixed, long seconds) throws Exception {
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(1);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        try {
            Channel server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.SO_SNDBUF, 32 * 1024)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new ExportHandler(fixed, deadline));
                        }
                    })
                    .bind("127.0.0.1", 0).sync().channel();
            try (Socket client = SlowReader.start(((InetSocketAddress) server.localAddress()).getPort(),
                    "GET /export HTTP/1.1\r\nHost: trial\r\n\r\n")) {
                while (Pace.before(deadline)) {
                    Pace.sleepMillis(50);
                }
            }
            server.close().sync();
        } finally {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    /** Streams the export: a batch of rows per millisecond, on the event loop. */
    private static final class ExportHandler extends SimpleChannelInboundHandler<HttpObject> {
        private final boolean fixed;
        private final long deadline;
        private final byte[] row = new byte[512];
        private ChannelHandlerContext ctx;
        private boolean scheduled;

        ExportHandler(boolean fixed, long deadline) {
            this.fixed = fixed;
            this.deadline = deadline;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpRequest) {
                this.ctx = ctx;
                DefaultHttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                HttpUtil.setTransferEncodingChunked(response, true);
                ctx.writeAndFlush(response);
                schedule();
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (fixed && ctx.channel().isWritable()) {
                schedule(); // the reader caught up: go on
            }
        }

        private void schedule() {
            if (!scheduled && ctx.channel().isActive() && Pace.before(deadline)) {
                scheduled = true;
                ctx.executor().schedule(this::writeRows, 1, TimeUnit.MILLISECONDS);
            }
        }

        private void writeRows() {
            scheduled = false;
            for (int i = 0; i < 20; i++) {
                if (fixed && !ctx.channel().isWritable()) {
                    return; // channelWritabilityChanged resumes
                }
                ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(row)));
            }
            schedule();
        }
    }
}

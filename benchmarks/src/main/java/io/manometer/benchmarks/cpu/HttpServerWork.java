package io.manometer.benchmarks.cpu;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server (Netty's codec, keep-alive, a small JSON answer) serving a fixed number of
 * requests from {@link HttpLoad} in another process. Prints its port, then the process CPU time
 * spent on the requests after the warm-up ones, in nanoseconds per request ({@code cpu}), and the
 * part of it the agent's and JFR's own threads used ({@code background}), and exits.
 *
 * <p>{@code HttpServerWork [THOUSAND_REQUESTS] [THOUSAND_WARMUP]}
 */
public final class HttpServerWork {
    private static final byte[] BODY = "{\"status\":\"ok\",\"items\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);

    private HttpServerWork() {}

    public static void main(String[] args) throws InterruptedException {
        long requests = (args.length > 0 ? Long.parseLong(args[0]) : 200) * 1000L;
        long warmup = (args.length > 1 ? Long.parseLong(args[1]) : 100) * 1000L;
        AtomicLong served = new AtomicLong();
        long[] cpuAtWarm = new long[2];
        CountDownLatch done = new CountDownLatch(1);
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(2);
        try {
            Channel server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                                    new SimpleChannelInboundHandler<FullHttpRequest>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                                    HttpResponseStatus.OK, Unpooled.wrappedBuffer(BODY));
                                            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                                                    .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length);
                                            ctx.writeAndFlush(response);
                                            long n = served.incrementAndGet();
                                            if (n == warmup) {
                                                cpuAtWarm[0] = ProcessCpu.nanos();
                                                cpuAtWarm[1] = ProcessCpu.backgroundNanos();
                                            } else if (n == warmup + requests) {
                                                System.out.printf(Locale.ROOT, "cpu %.1f background %.1f%n",
                                                        (ProcessCpu.nanos() - cpuAtWarm[0]) / (double) requests,
                                                        (ProcessCpu.backgroundNanos() - cpuAtWarm[1]) / (double) requests);
                                                done.countDown();
                                            }
                                        }
                                    });
                        }
                    }).bind("127.0.0.1", 0).sync().channel();
            System.out.println("port " + ((java.net.InetSocketAddress) server.localAddress()).getPort());
            done.await();
            server.close().sync();
        } finally {
            boss.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}

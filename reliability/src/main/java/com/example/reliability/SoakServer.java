package com.example.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A real HTTP server (Jetty) under a loopback load generator for {@code args[0]} seconds, at
 * {@code args[1]} requests a second. {@code GET /work} answers after a little work: a server that
 * keeps up. With {@code args[2]} = {@code planted}, a quarter of the requests go to {@code POST /orders},
 * which acknowledges at once and leaves the order in an unbounded queue that one slow thread drains:
 * the planted backlog. Prints the requests answered and failed.
 */
public final class SoakServer {
    private static final LinkedBlockingQueue<String> ORDERS = new LinkedBlockingQueue<>();

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        int perSecond = Integer.parseInt(args[1]);
        boolean planted = args.length > 2 && args[2].equals("planted");
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = Request.getPathInContext(request);
                if (path.equals("/orders")) {
                    ORDERS.add("order-" + System.nanoTime()); // acknowledged before it is processed
                }
                long sum = 0;
                for (int i = 0; i < 2_000; i++) {
                    sum += i * 31L ^ sum;
                }
                response.setStatus(200);
                response.write(true, ByteBuffer.wrap(("ok " + (sum & 1) + "\n").getBytes(StandardCharsets.UTF_8)),
                        callback);
                return true;
            }
        });
        server.start();
        Thread fulfilment = new Thread(SoakServer::fulfil, "fulfilment");
        fulfilment.setDaemon(true);
        fulfilment.start();
        URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        long[] outcome = generateLoad(base, seconds, perSecond, planted);
        server.stop();
        System.out.println("answered " + outcome[0] + ", failed " + outcome[1]);
    }

    /** The slow consumer of the planted queue: 20 orders a second. */
    private static void fulfil() {
        try {
            while (true) {
                ORDERS.take();
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Paced requests from a few client threads; returns {answered, failed}. */
    private static long[] generateLoad(URI base, int seconds, int perSecond, boolean planted) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        int clients = 4;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long intervalNanos = 1_000_000_000L * clients / perSecond;
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            threads[c] = new Thread(() -> {
                long next = System.nanoTime();
                long n = 0;
                while (next < end) {
                    boolean order = planted && n++ % 4 == 0;
                    HttpRequest request = HttpRequest.newBuilder(base.resolve(order ? "/orders" : "/work"))
                            .timeout(Duration.ofSeconds(10))
                            .method(order ? "POST" : "GET", HttpRequest.BodyPublishers.noBody()).build();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        (response.statusCode() == 200 ? answered : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    next += intervalNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "load-" + c);
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new long[] {answered.get(), failed.get()};
    }
}

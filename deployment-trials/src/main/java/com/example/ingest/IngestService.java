package com.example.ingest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A service that ingests records two ways at once, one broken and one fixed, in one JVM: what a
 * JVM with an APM agent beside Manometer runs. Every class it uses (ThreadPoolExecutor,
 * LinkedBlockingQueue, ConcurrentLinkedQueue) is one such agents load before Manometer starts.
 *
 * <ul>
 *   <li>Broken: records are handed to a fixed pool (its queue unbounded) at about 14,000 a second,
 *       enriched at about 2,000; and an outbox (a ConcurrentLinkedQueue) takes 4,000 a second
 *       while its sender sends 1,000.</li>
 *   <li>Fixed: the same hand-offs, bounded: a pool whose full queue makes the caller run the task,
 *       and a bounded queue whose {@code put} waits.</li>
 * </ul>
 * It also serves and calls one HTTP request, so a tracing agent has a span to show that it still works.
 *
 * <p>{@code IngestService SECONDS [fixed]}: with {@code fixed}, only the bounded hand-offs run.
 */
public final class IngestService {
    private static final long TASK_NANOS = 1_000_000;

    private IngestService() {}

    public static void main(String[] args) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[0]));
        boolean fixedOnly = args.length > 1 && args[1].equals("fixed");
        callOnce();
        Thread outbox = start("outbox", () -> {
            if (!fixedOnly) {
                unboundedOutbox(deadline);
            }
        });
        Thread bounded = start("bounded-feed", () -> boundedFeed(deadline));
        Thread pool = start("bounded-pool-feed", () -> boundedPool(deadline));
        if (!fixedOnly) {
            unboundedPool(deadline);
        }
        outbox.join();
        bounded.join();
        pool.join();
        System.out.println("ingest done");
        System.exit(0);
    }

    /** Broken: nothing tells the feed to wait for the enrichment pool. */
    private static void unboundedPool(long deadline) {
        ExecutorService enrich = Executors.newFixedThreadPool(2);
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 16; i++) {
                enrich.execute(IngestService::work);
            }
            LockSupport.parkNanos(1_000_000);
        }
        enrich.shutdownNow();
    }

    /** Broken: the outbox takes every record; its sender is slower. */
    private static void unboundedOutbox(long deadline) {
        ConcurrentLinkedQueue<byte[]> outbox = new ConcurrentLinkedQueue<>();
        Thread sender = start("outbox-sender", () -> {
            while (System.nanoTime() < deadline) {
                if (outbox.poll() != null) {
                    LockSupport.parkNanos(TASK_NANOS);
                } else {
                    LockSupport.parkNanos(100_000);
                }
            }
        });
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 4; i++) {
                outbox.offer(new byte[64]);
            }
            LockSupport.parkNanos(1_000_000);
        }
        join(sender);
    }

    /** Fixed: a full queue makes the feeding thread run the task itself, which slows it down. */
    private static void boundedPool(long deadline) {
        ThreadPoolExecutor enrich = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100),
                new ThreadPoolExecutor.CallerRunsPolicy());
        while (System.nanoTime() < deadline) {
            enrich.execute(IngestService::work);
        }
        enrich.shutdownNow();
    }

    /** Fixed: put waits while the bounded queue is full. */
    private static void boundedFeed(long deadline) {
        BlockingQueue<byte[]> records = new LinkedBlockingQueue<>(500);
        AtomicBoolean fed = new AtomicBoolean();
        Thread consumer = start("bounded-consumer", () -> {
            try {
                while (!fed.get()) {
                    if (records.poll(10, TimeUnit.MILLISECONDS) != null) {
                        LockSupport.parkNanos(TASK_NANOS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            while (System.nanoTime() < deadline) {
                records.put(new byte[64]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fed.set(true);
        join(consumer);
    }

    private static void work() {
        LockSupport.parkNanos(TASK_NANOS);
    }

    /** One request to a server in this JVM: a client and a server span for a tracing agent. */
    private static void callOnce() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
        HttpURLConnection connection = (HttpURLConnection) URI.create(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/health").toURL().openConnection();
        try (InputStream in = connection.getInputStream()) {
            System.out.println("health " + connection.getResponseCode() + " " + new String(in.readAllBytes()));
        }
        server.stop(0);
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

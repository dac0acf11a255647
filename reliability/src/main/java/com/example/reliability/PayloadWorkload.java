package com.example.reliability;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Fills every kind of buffer the agent watches with a marker string ({@code args[0]}), built at run
 * time so that no class file holds it: queues, a deque, tasks whose {@code toString} carries it
 * (and so do the messages of the rejections they meet), futures' results, an in-memory buffer and a
 * socket's writes to a peer that reads slowly. Grows until the agent alerts and dumps, then writes
 * every attribute of every {@code io.manometer} MBean to {@code args[1]}, for the test to search.
 */
public final class PayloadWorkload {
    /** A task that carries the payload, and says so in its toString, as many applications' tasks do. */
    record Job(String payload) implements Runnable {
        @Override
        public void run() {
            sleepMillis(5);
        }
    }

    public static void main(String[] args) throws Exception {
        String marker = args[0];
        Path mbeans = Path.of(args[1]);
        int steps = Integer.parseInt(args[2]);
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        ArrayDeque<String> deque = new ArrayDeque<>();
        ExecutorService pool = Executors.newFixedThreadPool(1);
        ThreadPoolExecutor small = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<CompletableFuture<String>> futures = new ArrayList<>();
        byte[] line = (marker + "\n").getBytes(StandardCharsets.UTF_8);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
             Socket peer = server.accept()) {
            Thread slowReader = new Thread(() -> readSlowly(peer), "slow-reader");
            slowReader.setDaemon(true);
            slowReader.start();
            OutputStream out = client.getOutputStream();
            int rejected = 0;
            for (int i = 0; i < steps; i++) {
                String item = marker + "#" + i + "#" + "x".repeat(4096);
                queue.add(item);
                deque.add(item);
                if (i % 3 == 0) {
                    queue.poll();
                }
                pool.execute(new Job(item));
                try {
                    small.execute(new Job(marker));
                } catch (RejectedExecutionException e) {
                    rejected++;
                }
                bytes.write(line);
                if (i % 20 == 0) {
                    futures.add(CompletableFuture.supplyAsync(() -> marker));
                }
                if (i % 10 == 0) {
                    out.write(line);
                }
                sleepMillis(1);
            }
            LiveVerdict.holdUntilDumping(20, 1_500);
            System.out.println("steps " + steps + ", rejected some: " + (rejected > 0) + ", futures " + futures.size());
            writeMBeans(mbeans);
        }
        pool.shutdownNow();
        small.shutdownNow();
    }

    private static void readSlowly(Socket peer) {
        try (InputStream in = peer.getInputStream()) {
            byte[] buffer = new byte[64];
            while (in.read(buffer) >= 0) {
                sleepMillis(20);
            }
        } catch (Exception closed) {
            // The workload is over.
        }
    }

    /** Every attribute of every io.manometer MBean, one per line, as a JMX console would show them. */
    private static void writeMBeans(Path file) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        StringBuilder text = new StringBuilder();
        for (ObjectName name : server.queryNames(new ObjectName("io.manometer:*"), null)) {
            text.append(name).append('\n');
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                text.append("  ").append(attribute.getName()).append(" = ")
                        .append(server.getAttribute(name, attribute.getName())).append('\n');
            }
        }
        Files.writeString(file, text);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

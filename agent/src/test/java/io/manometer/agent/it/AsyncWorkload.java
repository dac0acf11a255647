package io.manometer.agent.it;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs in a child JVM under the agent: known numbers of asynchronous launches, some held in flight
 * and some finished, and offers and writes whose refusals are discarded or checked. Prints the
 * lines of the calls.
 */
public final class AsyncWorkload {
    public static void main(String[] args) throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);

        List<CompletableFuture<Integer>> held = new ArrayList<>();
        int heldLine = 0;
        for (int i = 0; i < 300; i++) {
            held.add(CompletableFuture.supplyAsync(() -> await(hold), pool)); heldLine = line();
        }

        int doneLine = 0;
        ExecutorService free = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 200; i++) {
            CompletableFuture.runAsync(() -> { }, free).join(); doneLine = line();
        }

        int failedLine = 0;
        for (int i = 0; i < 50; i++) {
            CompletableFuture.supplyAsync(AsyncWorkload::fail, free).exceptionally(t -> 0).join(); failedLine = line();
        }

        ExecutorService single = Executors.newSingleThreadExecutor();
        List<Future<?>> submitted = new ArrayList<>();
        int submitLine = 0;
        for (int i = 0; i < 100; i++) {
            submitted.add(single.submit(() -> await(hold))); submitLine = line();
        }

        int threadLine = 0;
        for (int i = 0; i < 40; i++) {
            new Thread(() -> await(hold), "held-" + i).start(); threadLine = line();
        }
        int shortThreadLine = 0;
        List<Thread> finished = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Thread t = new Thread(() -> { }, "short-" + i);
            finished.add(t);
            t.start(); shortThreadLine = line();
        }
        for (Thread t : finished) {
            t.join();
        }

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            await(hold);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build();
        int sendLine = 0;
        for (int i = 0; i < 10; i++) {
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()); sendLine = line();
        }

        ArrayBlockingQueue<Integer> small = new ArrayBlockingQueue<>(10);
        int ignoredLine = 0;
        for (int i = 0; i < 100; i++) {
            small.offer(i); ignoredLine = line();
        }
        ArrayBlockingQueue<Integer> checked = new ArrayBlockingQueue<>(10);
        int dropped = 0;
        for (int i = 0; i < 100; i++) {
            if (!checked.offer(i)) {
                dropped++;
            }
        }
        WritableByteChannel halfWriter = new HalfWriter();
        int writeLine = 0;
        for (int i = 0; i < 7; i++) {
            halfWriter.write(ByteBuffer.allocate(100)); writeLine = line();
        }

        java.io.ByteArrayOutputStream large = new java.io.ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        int bytesLine = 0;
        for (int i = 0; i < 128; i++) {
            large.write(chunk, 0, chunk.length); bytesLine = line();
        }
        java.io.ByteArrayOutputStream smallBytes = new java.io.ByteArrayOutputStream();
        smallBytes.write(new byte[100_000]);
        java.io.CharArrayWriter chars = new java.io.CharArrayWriter();
        char[] text = new char[32 * 1024];
        int charsLine = 0;
        for (int i = 0; i < 64; i++) {
            chars.write(text, 0, text.length); charsLine = line();
        }

        java.io.StringWriter report = new java.io.StringWriter();
        int textLine = 0;
        for (int i = 0; i < 100_000; i++) {
            report.write("sixteen chars..."); textLine = line();
        }

        java.util.concurrent.ThreadPoolExecutor tiny = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0,
                java.util.concurrent.TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
        int droppedLine = 0;
        for (int i = 0; i < 10; i++) {
            try {
                tiny.execute(() -> await(hold));
            } catch (java.util.concurrent.RejectedExecutionException e) { droppedLine = line(); } // task gone
        }
        int ranLine = 0;
        for (int i = 0; i < 5; i++) {
            Runnable task = () -> { };
            try {
                tiny.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) { ranLine = line(); task.run(); } // ran
        }

        System.out.println("lines " + heldLine + " " + doneLine + " " + failedLine + " " + submitLine + " "
                + threadLine + " " + shortThreadLine + " " + sendLine + " " + ignoredLine + " " + writeLine
                + " " + bytesLine + " " + charsLine + " " + droppedLine + " " + ranLine + " " + textLine
                + " dropped " + dropped);
        Thread.sleep(2500); // two sampling periods after the last launch
        // Every buffer is used after the sleep, or the collector may take one (the StringWriter did,
        // in one CI run) and its last sample would be from before it was full.
        System.out.println("held " + large.size() + " " + smallBytes.size() + " " + chars.size() + " "
                + report.getBuffer().length());
        System.exit(0);
    }

    private static int await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int fail() {
        throw new IllegalStateException("expected");
    }

    private static int line() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow().getLineNumber();
    }

    /** Takes half of what it is given: a channel write that leaves bytes behind. */
    static final class HalfWriter implements WritableByteChannel {
        @Override
        public int write(ByteBuffer source) {
            int n = source.remaining() / 2;
            source.position(source.position() + n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}

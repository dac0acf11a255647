package io.manometer.agent.it;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small pool whose unbounded queue fills a small heap with tasks that each hold a payload
 * carrying a marker, until the agent dumps its recording before the heap runs out.
 */
public final class SecretsWorkload {
    /** Written into every payload: it must never reach a file the agent writes. */
    static final String PAYLOAD_MARKER = "payload-marker-7f3a9c";

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        long deadline = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
        for (long i = 0; System.nanoTime() < deadline; i++) {
            String payload = PAYLOAD_MARKER + " " + i + " " + "x".repeat(512);
            pool.execute(() -> slowly(payload));
            if (i % 5 == 0) { // about 5,000 tasks a second: the heap fills in seconds, not at once
                Thread.sleep(1);
            }
        }
        System.exit(0);
    }

    private static void slowly(String payload) {
        try {
            Thread.sleep(payload.length() / 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

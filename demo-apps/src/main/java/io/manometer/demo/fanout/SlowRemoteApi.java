package io.manometer.demo.fanout;

import java.util.concurrent.atomic.AtomicLong;

/** A remote API under load: every call takes far longer than ids arrive. */
final class SlowRemoteApi {
    static final long CALL_MILLIS = 30_000;
    private final AtomicLong completed = new AtomicLong();

    String welcome(long id) {
        try {
            Thread.sleep(CALL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        completed.incrementAndGet();
        return "sent " + id;
    }

    long completed() {
        return completed.get();
    }
}

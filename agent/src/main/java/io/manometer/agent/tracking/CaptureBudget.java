package io.manometer.agent.tracking;

/**
 * How many stack captures may still be taken this second. Capturing a stack costs microseconds;
 * this keeps a burst of a million queue constructions from costing seconds. The check is a racy
 * read and decrement: an occasional extra capture is harmless, a lock on this path is not.
 */
final class CaptureBudget {
    private static final long SECOND = 1_000_000_000L;
    private final int perSecond;
    private final int burst;
    private int tokens;
    private long refilledAt;

    CaptureBudget(int perSecond) {
        this.perSecond = perSecond;
        this.burst = perSecond * 5;
        this.tokens = burst;
        this.refilledAt = System.nanoTime();
    }

    boolean tryAcquire() {
        if (tokens > 0) {
            tokens--;
            return true;
        }
        long now = System.nanoTime();
        long elapsed = now - refilledAt;
        if (elapsed >= SECOND) {
            refilledAt = now;
            tokens = (int) Math.min(burst, (long) perSecond * (elapsed / SECOND)) - 1;
            return true;
        }
        return false;
    }
}

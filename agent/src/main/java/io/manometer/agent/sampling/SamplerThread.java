package io.manometer.agent.sampling;

import io.manometer.agent.AgentLog;
import io.manometer.agent.InjectedFault;
import io.manometer.agent.PartNotice;
import java.util.function.Supplier;

/**
 * The sampler's own daemon thread and the hand-off to whoever asks for a snapshot (JFR's periodic
 * thread). Reading a queue's size may take the queue's lock; if the application holds it for
 * long, this thread waits, not the caller: a caller waits a bounded time for a fresh snapshot and
 * otherwise gets none, so one stuck queue cannot stall the recording.
 */
final class SamplerThread {
    private static final long FRESH_NANOS = 200_000_000L;
    /** After a late snapshot, the rest of the period's events (written within ms) do not wait again. */
    private static final long GIVE_UP_FOR_NANOS = 500_000_000L;
    private static final int LATE_IN_A_ROW_WORTH_A_WARNING = 3;
    private static final PartNotice SAMPLER_DIED = new PartNotice(
            "the sampler thread died; it is started again at the next period");
    private static final PartNotice SAMPLING_FAILED = new PartNotice(
            "sampling failed; periods that fail are skipped and counted");
    private static volatile boolean killedOnce;

    private final Supplier<Snapshot> take;
    private final Object lock = new Object();
    private Snapshot latest;
    /** Guarded by lock: periods skipped, and those in a row; till when this period's events skip. */
    private long skippedPeriods;
    private int lateInARow;
    private long givenUpUntilNanos = Long.MIN_VALUE;
    private boolean requested;
    private Thread thread;

    SamplerThread(Supplier<Snapshot> take) {
        this.take = take;
    }

    /**
     * A snapshot at most 200 ms old, waiting up to {@code maxWaitMillis} for it; null if none came.
     * A late snapshot skips the period, which is counted ({@link #skippedPeriods}) for the
     * recording; the other events of that period do not wait for it again. One late period is
     * often a GC pause or a starved machine, so the application's stderr hears of it only when
     * sampling stays late.
     */
    Snapshot fresh(long maxWaitMillis) throws InterruptedException {
        long now = System.nanoTime();
        long deadline = now + maxWaitMillis * 1_000_000L;
        synchronized (lock) {
            startIfNeeded();
            while (latest == null || System.nanoTime() - latest.takenAtNanos() > FRESH_NANOS) {
                requested = true;
                lock.notifyAll();
                long left = deadline - System.nanoTime();
                if (now < givenUpUntilNanos) {
                    return null;
                }
                if (left <= 0) {
                    skippedPeriod(maxWaitMillis);
                    return null;
                }
                lock.wait(Math.max(1, left / 1_000_000L));
            }
            lateInARow = 0;
            return latest;
        }
    }

    /** Under the lock. */
    private void skippedPeriod(long maxWaitMillis) {
        skippedPeriods++;
        givenUpUntilNanos = System.nanoTime() + GIVE_UP_FOR_NANOS;
        if (++lateInARow == LATE_IN_A_ROW_WORTH_A_WARNING) {
            AgentLog.warn("sampling has taken over " + maxWaitMillis + " ms " + lateInARow
                    + " periods in a row (a queue's lock held for long, or the JVM starved of CPU?); "
                    + "late periods are skipped and counted in the recording");
        }
    }

    /** Periods whose events were not written because sampling was late. */
    long skippedPeriods() {
        synchronized (lock) {
            return skippedPeriods;
        }
    }

    /** Ends the thread (a detach); a later request would start it again. */
    void stop() {
        synchronized (lock) {
            if (thread != null) {
                thread.interrupt();
                thread = null;
            }
        }
    }

    /** Starts the thread, again if it died (an OutOfMemoryError can end any thread). */
    private void startIfNeeded() {
        if (thread == null || !thread.isAlive()) {
            thread = new Thread(this::run, "manometer-sampler");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> SAMPLER_DIED.failed(e)); // no stack trace on stderr
            thread.start();
        }
    }

    private void run() {
        if (InjectedFault.SAMPLER_DEATH.on() && !killedOnce) {
            killedOnce = true;
            InjectedFault.SAMPLER_DEATH.fireIfOn();
        }
        while (true) {
            try {
                synchronized (lock) {
                    while (!requested) {
                        lock.wait();
                    }
                    requested = false;
                }
                Snapshot snapshot = take.get();
                synchronized (lock) {
                    latest = snapshot;
                    lock.notifyAll();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                SAMPLING_FAILED.failed(t);
            }
        }
    }
}

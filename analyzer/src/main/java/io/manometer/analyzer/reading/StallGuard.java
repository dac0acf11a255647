package io.manometer.analyzer.reading;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a read on a thread of its own and gives it up once the process stops working on it. JFR's
 * file reader waits, forever and without using the CPU, for a chunk it takes to be still written:
 * a damaged header can say so of a file nobody writes. Reading, even from a slow disk, keeps the
 * process busy; {@link #QUIET_NANOS} with next to no CPU used is a stall, not slowness.
 */
final class StallGuard {
    /** So long with less than {@link #BUSY_NANOS} of the process's CPU is a stall. */
    static final long QUIET_NANOS = 10_000_000_000L;
    private static final long BUSY_NANOS = 50_000_000L;

    /** Thrown when a read stalled; the reading thread, a daemon, is interrupted and left. */
    static final class Stalled extends IOException {
        private static final long serialVersionUID = 1L;

        Stalled() {
            super("reading stalled: JFR's reader waits for a chunk to be finished that nothing writes");
        }
    }

    private StallGuard() {}

    static <T> T read(Callable<T> reading) throws IOException {
        return read(reading, QUIET_NANOS);
    }

    /** As {@link #read(Callable)}, a stall being {@code quietNanos} without work (tests wait less). */
    static <T> T read(Callable<T> reading, long quietNanos) throws IOException {
        FutureTask<T> task = new FutureTask<>(reading);
        Thread reader = new Thread(task, "manometer-guarded-reader");
        reader.setDaemon(true);
        reader.start();
        long quietSince = System.nanoTime();
        long cpuThen = processCpuNanos();
        while (true) {
            try {
                task.get(1, TimeUnit.SECONDS);
                return ReadingFutures.await(task);
            } catch (TimeoutException stillReading) {
                long cpuNow = processCpuNanos();
                long now = System.nanoTime();
                if (cpuNow < 0 || cpuNow - cpuThen >= BUSY_NANOS) {
                    cpuThen = cpuNow;
                    quietSince = now;
                } else if (now - quietSince >= quietNanos) {
                    task.cancel(true);
                    throw new Stalled();
                }
            } catch (InterruptedException e) {
                task.cancel(true);
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading");
            } catch (java.util.concurrent.ExecutionException e) {
                return ReadingFutures.await(task); // rethrows what stopped it
            }
        }
    }

    /** The process's CPU time so far, or -1 where the JVM does not say (then nothing is a stall). */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}

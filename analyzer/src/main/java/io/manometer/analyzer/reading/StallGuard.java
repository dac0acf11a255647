package io.manometer.analyzer.reading;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a read on a thread of its own and gives it up once the process stops working on it, or
 * works on it far longer than its size can take. JFR's file reader waits, forever and without
 * using the CPU, for a chunk it takes to be still written: a damaged header can say so of a file
 * nobody writes. Reading, even from a slow disk, keeps the process busy; {@link #QUIET_NANOS} with
 * next to no CPU used is a stall, not slowness. And damaged event sizes can send JFR's parser round
 * the same bytes forever, busy (the fuzzer found one on JDK 17): a read that goes on past
 * {@link #BASE_NANOS} plus its bytes at {@link #SLOWEST_BYTES_PER_SECOND} is given up too, a
 * bound some ten times above what reading takes on a busy two-core machine.
 */
final class StallGuard {
    /** So long with less than {@link #BUSY_NANOS} of the process's CPU is a stall. */
    static final long QUIET_NANOS = 10_000_000_000L;
    private static final long BUSY_NANOS = 50_000_000L;
    /** Any read may take this long, whatever its size (a JVM's first read loads JFR's parser). */
    static final long BASE_NANOS = 6_000_000_000L;
    /** Slower than this, a read is going round in damaged data (reading runs at 30 MB/s and more). */
    static final long SLOWEST_BYTES_PER_SECOND = 4_000_000L;

    /**
     * Thrown when a read stalled or went round in damaged data; the reading thread, a daemon, is
     * interrupted and left (a parser going round does not look at its interrupt).
     */
    static final class Stalled extends IOException {
        private static final long serialVersionUID = 1L;

        Stalled() {
            super("reading stalled: JFR's reader waits for a chunk to be finished that nothing writes");
        }

        Stalled(long bytes, long nanos) {
            super(String.format(java.util.Locale.ROOT, "reading went on for %.0f s, far longer than %,d bytes take: "
                    + "JFR's reader is going round in damaged data", nanos / 1e9, bytes));
        }
    }

    private StallGuard() {}

    /** Reads {@code bytes} of a file by {@code reading}. */
    static <T> T read(Callable<T> reading, long bytes) throws IOException {
        return read(reading, QUIET_NANOS, BASE_NANOS + bytes * 1_000_000_000L / SLOWEST_BYTES_PER_SECOND, bytes);
    }

    /**
     * As {@link #read(Callable, long)}: a stall is {@code quietNanos} without work, and a read that
     * has gone on {@code mostNanos} is given up (tests wait less).
     */
    static <T> T read(Callable<T> reading, long quietNanos, long mostNanos, long bytes) throws IOException {
        FutureTask<T> task = new FutureTask<>(reading);
        Thread reader = new Thread(task, "manometer-guarded-reader");
        reader.setDaemon(true);
        reader.start();
        long start = System.nanoTime();
        long quietSince = start;
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
                if (now - start >= mostNanos) {
                    task.cancel(true);
                    throw new Stalled(bytes, now - start);
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

package com.example.shapes;

import java.util.concurrent.TimeUnit;

/** What every corpus program needs: how long to run, a steady pace, and slow work. */
public final class Load {
    /** An action that may block (a put, a write, a submit). */
    public interface Step {
        void run(long index) throws Exception;
    }

    private Load() {}

    /** The run's length in seconds: the first argument, else 10. */
    public static long seconds(String[] args) {
        return args.length > 0 ? Long.parseLong(args[0]) : 10;
    }

    /** The deadline {@code seconds} from now, in {@link System#nanoTime()}. */
    public static long deadline(long seconds) {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    public static boolean before(long deadlineNanos) {
        return System.nanoTime() < deadlineNanos;
    }

    /** Calls {@code step} with 0, 1, 2... {@code perSecond} times a second until the deadline; returns the count. */
    public static long pace(long deadlineNanos, long perSecond, Step step) throws Exception {
        long start = System.nanoTime();
        long i = 0;
        while (System.nanoTime() < deadlineNanos) {
            step.run(i++);
            long ahead = start + i * 1_000_000_000L / perSecond - System.nanoTime();
            if (ahead > 0) {
                TimeUnit.NANOSECONDS.sleep(ahead);
            }
        }
        return i;
    }

    /** Sleeps, as a slow dependency does; false if interrupted (the program is ending). */
    public static boolean work(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts a daemon thread that takes from {@code queue} and spends {@code millis} on each element. */
    public static Thread consumer(java.util.concurrent.BlockingQueue<?> queue, long millis) {
        Thread consumer = new Thread(() -> {
            try {
                while (true) {
                    queue.take();
                    if (millis > 0 && !work(millis)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        consumer.setDaemon(true);
        consumer.start();
        return consumer;
    }

    /** Ends the program after {@code seconds} whatever its threads are blocked on (a producer stuck at put). */
    public static void exitAfter(long seconds) {
        Thread timer = new Thread(() -> {
            work(seconds * 1000);
            done("time is up");
        }, "exit-timer");
        timer.setDaemon(true);
        timer.start();
    }

    /** Ends the program: library threads that are not daemons would keep the JVM up. */
    public static void done(String what) {
        System.out.println(what);
        System.exit(0);
    }
}

package io.manometer.benchmarks.plain;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * What a user times by hand, not JMH: a loop in {@code main} of {@code offer} then {@code poll}
 * on one queue, timed with {@code System.nanoTime()} after a warm-up, printing ns per pair.
 *
 * <p>{@code PlainLoop abq|lbq|deque discard|check [MILLION_PAIRS]}: {@code discard} drops the
 * {@code offer} result (the call site the agent rewrites), {@code check} tests it. {@code deque}
 * is an {@code ArrayDeque} holding {@value #LARGE_DEQUE} elements: large enough that every pair
 * takes the advice's path for a large deque (retransformed, no counters field).
 */
public final class PlainLoop {
    private static final int LARGE_DEQUE = 4096;

    private PlainLoop() {}

    private static Queue<Integer> queue(String kind) {
        switch (kind) {
            case "abq":
                return new ArrayBlockingQueue<>(1024);
            case "lbq":
                return new LinkedBlockingQueue<>();
            case "deque":
                ArrayDeque<Integer> deque = new ArrayDeque<>();
                for (int i = 0; i < LARGE_DEQUE; i++) {
                    deque.add(i);
                }
                return deque;
            default:
                throw new IllegalArgumentException("queue: abq, lbq or deque, not " + kind);
        }
    }

    public static void main(String[] args) {
        Queue<Integer> queue = queue(args[0]);
        boolean check = args[1].equals("check");
        long pairs = (args.length > 2 ? Long.parseLong(args[2]) : 50) * 1_000_000L;
        Integer element = 42;
        long sink = 0;
        for (int round = 0; round < 3; round++) { // warm-up rounds, then the timed one
            long start = System.nanoTime();
            sink += check ? checked(queue, element, pairs) : discarded(queue, element, pairs);
            long elapsed = System.nanoTime() - start;
            if (round == 2) {
                System.out.printf(Locale.ROOT, "%.2f%n", elapsed / (double) pairs);
            }
        }
        if (sink == 42) {
            System.out.println("(unlikely)");
        }
    }

    private static long discarded(Queue<Integer> queue, Integer element, long pairs) {
        long sum = 0;
        for (long i = 0; i < pairs; i++) {
            queue.offer(element);
            sum += queue.poll();
        }
        return sum;
    }

    private static long checked(Queue<Integer> queue, Integer element, long pairs) {
        long sum = 0;
        for (long i = 0; i < pairs; i++) {
            if (!queue.offer(element)) {
                throw new IllegalStateException("full");
            }
            sum += queue.poll();
        }
        return sum;
    }
}

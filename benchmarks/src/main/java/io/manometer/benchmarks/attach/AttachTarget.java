package io.manometer.benchmarks.attach;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A JVM to attach to: it loads {@code CLASSES} classes (one small class, defined by as many class
 * loaders, as an application server's many loaders would), then times {@code offer}+{@code poll}
 * pairs on a {@link LinkedBlockingQueue}, printing the mean of each second: before an attach, while
 * the agent is in, and after it has left. See attach-cost.sh.
 *
 * <p>{@code AttachTarget CLASSES SECONDS}
 */
public final class AttachTarget {
    private AttachTarget() {}

    /** Each instance defines one copy of {@link Filler}. */
    private static final class OneClassLoader extends ClassLoader {
        Class<?> define(byte[] bytes) {
            return defineClass(Filler.class.getName(), bytes, 0, bytes.length);
        }
    }

    /** What is loaded many times over. */
    public static final class Filler {
        public int value() {
            return 1;
        }
    }

    public static void main(String[] args) throws IOException {
        int classes = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        byte[] bytes;
        try (InputStream in = AttachTarget.class.getResourceAsStream("AttachTarget$Filler.class")) {
            bytes = in.readAllBytes();
        }
        List<Class<?>> kept = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            kept.add(new OneClassLoader().define(bytes));
        }
        System.out.println("loaded " + kept.size() + " classes; pid " + ProcessHandle.current().pid());
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        Integer element = 7;
        long sum = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            long pairs = 0;
            while (System.nanoTime() - start < 1_000_000_000L) {
                for (int i = 0; i < 1000; i++) {
                    queue.offer(element);
                    sum += queue.poll();
                }
                pairs += 1000;
            }
            System.out.printf(Locale.ROOT, "%d %.2f%n", System.currentTimeMillis(),
                    (System.nanoTime() - start) / (double) pairs);
        }
        System.out.println("done " + sum + " " + kept.size());
    }
}

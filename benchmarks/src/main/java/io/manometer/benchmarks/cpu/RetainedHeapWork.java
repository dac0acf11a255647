package io.manometer.benchmarks.cpu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A service's shape for what a recording setting costs: a live heap of {@code LIVE_MB} held in
 * small objects (a cache, sessions: what a heap histogram must walk) and request-like work that
 * allocates and drops maps, for {@code SECONDS} of wall time. Prints the process CPU time per
 * thousand requests, every thread included (the application's, the collector's, JFR's).
 *
 * <p>{@code RetainedHeapWork [LIVE_MB] [SECONDS]}
 */
public final class RetainedHeapWork {
    private RetainedHeapWork() {}

    public static void main(String[] args) {
        int liveMb = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 30;
        List<long[]> live = new ArrayList<>();
        for (long bytes = 0; bytes < liveMb * 1_000_000L; bytes += 80) {
            live.add(new long[8]); // 80 bytes each, as small objects are
        }
        long cpuAtStart = ProcessCpu.nanos();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long requests = 0;
        long sum = 0;
        while (System.nanoTime() < deadline) {
            Map<Integer, String> request = new HashMap<>();
            for (int i = 0; i < 50; i++) {
                request.put(i, Integer.toString(i));
            }
            sum += request.size() + live.get((int) (requests % live.size())).length;
            requests++;
        }
        System.out.printf(Locale.ROOT, "%.1f%n", (ProcessCpu.nanos() - cpuAtStart) / (requests / 1000.0));
        if (sum == 42) {
            System.out.println("(unlikely)");
        }
    }
}

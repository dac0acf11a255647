package io.manometer.benchmarks.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Many tracked buffers and little else: {@code QUEUES} queues, each fed past the agent's tracking
 * threshold once and kept, a hundredth of them touched every second. What the agent then spends
 * (sampling, its own recording, the live verdict) is nearly all the process spends beyond idling:
 * {@code java -javaagent:... TrackedBuffersWorkload SECONDS QUEUES [STEADY_FROM]}: also prints the
 * process's CPU seconds from second {@code STEADY_FROM} (default 30) to the end, past start-up and
 * the bulk of the JIT's work.
 */
public final class TrackedBuffersWorkload {
    private TrackedBuffersWorkload() {}

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        int count = Integer.parseInt(args[1]);
        long steadyFrom = args.length > 2 ? Long.parseLong(args[2]) : 30;
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long started = System.nanoTime();
        List<LinkedBlockingQueue<Integer>> queues = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LinkedBlockingQueue<Integer> q = new LinkedBlockingQueue<>();
            for (int j = 0; j < 100; j++) {
                q.offer(j);
            }
            for (int j = 0; j < 90; j++) {
                q.poll();
            }
            queues.add(q);
        }
        long end = started + seconds * 1_000_000_000L;
        long steadyAt = started + steadyFrom * 1_000_000_000L;
        long steadyCpu = -1;
        long steadyWall = 0;
        java.util.Map<String, Long> steadyThreads = java.util.Map.of();
        long windowNanos = WINDOW_SECONDS * 1_000_000_000L;
        long windowStart = started;
        long windowCpu = os.getProcessCpuTime();
        java.util.Map<String, Long> windowThreads = threadTicks();
        int next = 0;
        while (System.nanoTime() < end) {
            if (steadyCpu < 0 && System.nanoTime() >= steadyAt) {
                steadyCpu = os.getProcessCpuTime();
                steadyWall = System.nanoTime();
                steadyThreads = threadTicks();
            }
            if (System.nanoTime() - windowStart >= windowNanos) { // where the CPU went, minute by minute
                java.util.Map<String, Long> now = threadTicks();
                long cpu = os.getProcessCpuTime();
                long from = (windowStart - started) / 1_000_000_000L; // nominal bounds: runs pair up by them
                printWindow(from, from + WINDOW_SECONDS, (cpu - windowCpu) / 1e9, windowThreads, now);
                windowStart += windowNanos;
                windowCpu = cpu;
                windowThreads = now;
            }
            for (int i = 0; i < count / 100; i++) {
                LinkedBlockingQueue<Integer> q = queues.get(next++ % count);
                q.offer(1);
                q.poll();
            }
            Thread.sleep(1000);
        }
        System.out.println(queues.size() + " queues kept");
        if (steadyCpu >= 0) {
            System.out.printf(java.util.Locale.ROOT, "steady: %.3f s CPU in %.1f s%n",
                    (os.getProcessCpuTime() - steadyCpu) / 1e9, (System.nanoTime() - steadyWall) / 1e9);
            java.util.Map<String, Long> before = steadyThreads;
            threadTicks().forEach((name, ticks) -> {
                long spent = ticks - before.getOrDefault(name, 0L);
                if (spent > 0) {
                    System.out.printf(java.util.Locale.ROOT, "steady thread %s: %.2f s%n", name, spent / 100.0);
                }
            });
        }
        // Where the agent's share went (the steady lines above also count the JIT's and collector's threads): its own threads and JFR's, CPU seconds each.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("manometer") || thread.getName().startsWith("JFR")) {
                System.out.printf(java.util.Locale.ROOT, "thread %s: %.2f s CPU%n", thread.getName(),
                        threads.getThreadCpuTime(thread.getId()) / 1e9);
            }
        }
    }

    private static final long WINDOW_SECONDS = 60;

    /**
     * One line per window: the process's CPU seconds, then each thread group's that spent any. The
     * compiler's share shows whether the JIT has settled: what it spends is start-up, paid once.
     */
    private static void printWindow(long from, long to, double cpuSeconds, java.util.Map<String, Long> before,
                                    java.util.Map<String, Long> after) {
        StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "window %d-%d s: %.3f s CPU;",
                from, to, cpuSeconds));
        after.forEach((name, ticks) -> {
            long spent = ticks - before.getOrDefault(name, 0L);
            if (spent > 0) {
                line.append(String.format(java.util.Locale.ROOT, " %s %.2f,", name, spent / 100.0));
            }
        });
        System.out.println(line);
    }

    /**
     * CPU ticks (1/100 s) of every thread of this process by name, numbers stripped (compiler and
     * collector threads too, which no Java API shows); empty where /proc is not there.
     */
    private static java.util.Map<String, Long> threadTicks() {
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        for (java.io.File task : tasks == null ? new java.io.File[0] : tasks) {
            try {
                String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).trim()
                        .replaceAll("[#0-9]+$", "");
                String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
            } catch (java.io.IOException | RuntimeException gone) {
                // a thread that ended meanwhile
            }
        }
        return ticks;
    }
}

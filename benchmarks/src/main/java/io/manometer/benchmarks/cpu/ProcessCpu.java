package io.manometer.benchmarks.cpu;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/** CPU time of the whole process, and of the threads that are the agent's or JFR's own. */
final class ProcessCpu {
    private ProcessCpu() {}

    /** Every thread: the application's, the JIT's, the collector's, the agent's. */
    static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The live threads the agent runs or starts (its sampler and live verdict, JFR's recorder and
     * periodic tasks): the background part of its cost, which does not depend on the work done.
     */
    static long backgroundNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("manometer") || info.getThreadName().startsWith("JFR"))) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }
}

package io.manometer.agent.live;

/** The live verdict on the whole JVM, as JMX shows it: {@code io.manometer:type=Summary}. */
public interface SummaryMXBean {
    int getCriticalCount();

    int getWarningCount();

    /** The worst finding alerting now, in one line; empty when none is. */
    String getWorstFinding();

    /** At the heap's pace, seconds until the maximum heap; -1 when not growing or unknown. */
    double getSecondsToHeapExhaustion();

    /** Buffers described now (each has its own MBean). */
    int getBuffers();
}

package io.manometer.agent.live;

/** The live verdict on the whole JVM, as JMX shows it: {@code io.manometer:type=Summary}. */
public interface SummaryMXBean {
    int getCriticalCount();

    int getWarningCount();

    /** The worst live verdict as a number: 0 ok, 1 info, 2 warning, 3 critical. */
    int getWorstSeverity();

    /** Alerts raised since the agent started: a counter. */
    long getAlertsTotal();

    /** The worst finding alerting now, in one line; empty when none is. */
    String getWorstFinding();

    /** At the heap's pace, seconds until the maximum heap; -1 when not growing or unknown. */
    double getSecondsToHeapExhaustion();

    /** Buffers described now (those made at one line share an MBean). */
    int getBuffers();
}

package io.manometer.agent.model;

/**
 * The field the agent adds to the topmost instrumented class of each queue and executor
 * hierarchy: instrumentation defines it, tracking recognises a buffer's own frames by it.
 */
public final class CounterFieldName {
    public static final String NAME = "manometer$counters";
    /** The field holding a network connection's outbound counters (see OutboundCounters). */
    public static final String OUTBOUND = "manometer$outbound";

    private CounterFieldName() {}
}

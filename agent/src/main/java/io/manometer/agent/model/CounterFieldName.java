package io.manometer.agent.model;

/**
 * The field the agent adds to the topmost instrumented class of each queue and executor
 * hierarchy: instrumentation defines it, tracking recognises a buffer's own frames by it.
 */
public final class CounterFieldName {
    public static final String NAME = "manometer$counters";

    private CounterFieldName() {}
}

package io.manometer.analyzer.reading;

import jdk.jfr.Event;
import jdk.jfr.Name;

/**
 * A queue sample under the agent's event name, with the fields the reader needs of schema 1 and
 * its pressure fields: tests write real recordings of it without running the agent.
 */
@Name(EventNames.QUEUE_SAMPLE)
public class TestQueueSample extends Event {
    public long bufferId;
    public String bufferType;
    public String createdAt;
    public String createdBy;
    public String creationStack;
    public long capacity;
    public long depth;
    public long inserted;
    public long removed;
    public boolean atCapacity;
    public long refused;
}

package io.manometer.agent.events;

import io.manometer.schema.EventSchema;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

// Fields read on every sample come first: JFR's consumer finds a field by name by scanning the
// event's fields in declaration order, and a reader pays that scan per field per sample.
@Name(EventSchema.QueueSample.NAME)
@Label("Queue Sample")
@Description("Depth and cumulative counters of one tracked queue used as a buffer")
@Category({"Manometer", "Buffers"})
@Period("1 s")
@StackTrace(false)
public final class QueueSampleEvent extends Event {

    @Label("Buffer Id")
    @Description("Identifies the queue for the life of the JVM")
    @Count("identifier")
    public long bufferId;

    @Label("Depth")
    @Description("Elements waiting in the queue")
    @Count("elements")
    public long depth;

    @Label("Inserted")
    @Description("Elements accepted since the queue was created; -1 when not counted (ArrayDeque, loaded before the agent)")
    @Count("elements")
    public long inserted;

    @Label("Removed")
    @Description("Elements removed since the queue was created; -1 when not counted")
    @Count("elements")
    public long removed;

    @Label("Refused")
    @Description("Elements refused since the queue was created (offer returned false); -1 when not counted")
    @Count("elements")
    public long refused;

    @Label("At Capacity")
    @Description("A bounded queue with no room left: producers now block or are refused (backpressure engaged)")
    public boolean atCapacity;

    @Label("Oldest Wait")
    @Description("How long the oldest waiting element has waited, estimated from the insert count at past samples "
            + "(exact to a sampling period for FIFO queues, a lower bound otherwise; for a DelayQueue, how late the "
            + "next due element is); -1 when inserts are not counted")
    @Timespan(Timespan.MILLISECONDS)
    public long oldestWaitMillis;

    @Label("Delayed")
    @Description("A DelayQueue: its elements wait for their time, and its oldest wait is how late the next due "
            + "element is")
    public boolean delayed;

    @Label("Buffer Type")
    @Description("Class name of the queue")
    @Count("class name")
    public String bufferType;

    @Label("Created At")
    @Description("First frame outside the JDK where the queue was constructed; empty if not captured")
    @Count("stack frame")
    public String createdAt;

    @Label("Created By")
    @Description("Frame that called the queue's constructor (a library or JDK frame, or the application's)")
    @Count("stack frame")
    public String createdBy;

    @Label("Creation Stack")
    @Description("Frames of the construction, innermost first, one per line")
    @Count("stack frames")
    public String creationStack;

    @Label("Producer Site")
    @Description("First frame outside the JDK of an insert, captured when the queue started being tracked")
    @Count("stack frame")
    public String producerSite;

    @Label("Producer Stack")
    @Description("Frames of that insert, innermost first, one per line")
    @Count("stack frames")
    public String producerStack;

    @Label("Producer Thread")
    @Description("Name of the thread that made that insert")
    @Count("thread name")
    public String producerThread;

    @Label("Producer Threads")
    @Description("Threads seen inserting (the first four), sampled every 4096 inserts")
    @Count("thread names")
    public String producerThreads;

    @Label("Consumer Threads")
    @Description("Threads seen removing (the first four), sampled every 4096 removals; empty for blocking queues, "
            + "whose consumers the agent does not watch")
    @Count("thread names")
    public String consumerThreads;

    @Label("Capacity")
    @Description("Most elements the queue accepts; -1 when unbounded")
    @Count("elements")
    public long capacity;

    @Label("Depth Exact")
    @Description("True when depth was read from the queue, false when derived from inserted minus removed")
    public boolean depthExact;
}

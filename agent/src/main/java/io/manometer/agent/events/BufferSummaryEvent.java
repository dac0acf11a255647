package io.manometer.agent.events;

import io.manometer.schema.EventSchema;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

@Name(EventSchema.BufferSummary.NAME)
@Label("Buffer Summary")
@Description("What one sampling period covered: the deepest queues and executors are described by their own events, "
        + "the rest only counted here, so the number of events stays bounded however many buffers exist")
@Category({"Manometer"})
@Period("1 s")
@StackTrace(false)
public final class BufferSummaryEvent extends Event {

    @Label("Described Queues")
    @Description("Queues described by a manometer.QueueSample event this period")
    @Count("queues")
    public int describedQueues;

    @Label("Described Executors")
    @Description("Executors described by a manometer.ExecutorSample event this period")
    @Count("executors")
    public int describedExecutors;

    @Label("Omitted")
    @Description("Queues and executors sampled but not described, beyond the max.buffers deepest")
    @Count("buffers")
    public int omitted;

    @Label("Omitted Max Depth")
    @Description("Deepest backlog among those omitted")
    @Count("elements")
    public long omittedMaxDepth;

    @Label("Omitted Total Depth")
    @Description("Sum of the backlogs of those omitted")
    @Count("elements")
    public long omittedTotalDepth;
}

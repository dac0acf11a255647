package io.manometer.agent.events;

import io.manometer.schema.EventSchema;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** Written when a live verdict changes, so JMC, jfr print and a RecordingStream see it as it happens. */
@Name(EventSchema.Alert.NAME)
@Label("Manometer Alert")
@Description("A buffer's live verdict changed: missing backpressure raised, turned critical, eased or cleared")
@Category({"Manometer"})
@StackTrace(false)
public final class AlertEvent extends Event {
    @Label("State")
    @Description("raised (a new warning), critical (new, or a warning that got worse), eased (critical back to "
            + "warning) or cleared (no longer found)")
    public String state;

    @Label("Severity")
    @Description("warning or critical; for a cleared alert, the severity it had")
    public String severity;

    @Label("Kind")
    @Description("The finding's kind, as the analyzer names it (executor-backlog, unbounded-fan-out, ...)")
    public String kind;

    @Label("Site")
    @Description("The application's line the finding names")
    @Count("stack frame")
    public String site;

    @Label("Summary")
    @Description("The finding in one line, with its figures")
    public String summary;

    @Label("Fix")
    @Description("What to change, in a few words")
    public String fix;

    @Label("Growth Per Second")
    @Description("How fast the backlog (or work in flight, or bytes held) grows")
    public double growthPerSecond;

    @Label("Peak")
    @Description("The largest backlog seen")
    @Count("elements")
    public long peak;

    @Label("Seconds To Heap Limit")
    @Description("At the heap's pace, seconds until the maximum heap; -1 when the heap is not growing or its limit is unknown")
    @Timespan(Timespan.SECONDS)
    public long secondsToHeapLimit;

    @Label("Dump File")
    @Description("The recording dumped for this alert, empty when none was")
    public String dumpFile;
}

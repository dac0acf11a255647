package io.manometer.agent.events;

import io.manometer.schema.EventSchema;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

@Name(EventSchema.AgentInfo.NAME)
@Label("Manometer Agent")
@Description("Version, settings and health of the Manometer agent; written at the start and end of every chunk")
@Category({"Manometer"})
@Period("everyChunk")
@StackTrace(false)
public final class AgentInfoEvent extends Event {
    @Label("Agent Version")
    @Description("Version of the agent jar")
    @Count("version")
    public String agentVersion;

    @Label("Schema Version")
    @Description("Version of the manometer.* event schema")
    @Count("version")
    public int schemaVersion;

    @Label("Options")
    @Description("Settings in force, as key=value pairs separated by commas")
    @Count("settings")
    public String options;

    @Label("Transformed Classes")
    @Description("Classes the agent has instrumented so far")
    @Count("classes")
    public int transformedClasses;

    @Label("Tracked Buffers")
    @Description("Queues being followed right now")
    @Count("buffers")
    public int trackedBuffers;

    @Label("Untracked Buffers")
    @Description("Queues not followed because the tracking limit was reached")
    @Count("buffers")
    public long untrackedBuffers;

    @Label("Instrumented Call Sites")
    @Description("Call sites rewritten in application code (async launches, discarded offer and write results)")
    @Count("call sites")
    public int instrumentedCallSites;

    @Label("Call Sites Not Instrumented")
    @Description("Call sites left alone because the agent's call-site table was full")
    @Count("call sites")
    public int callSitesNotInstrumented;

    @Label("Warnings")
    @Description("Warnings the agent has logged (faults it survived)")
    @Count("warnings")
    public int warnings;

    @Label("Skipped Periods")
    @Description("Periods whose samples were not written because sampling took too long")
    @Count("periods")
    public long skippedPeriods;

    @Label("JVM Start")
    @Description("When the JVM started, in milliseconds since the epoch (warm-ups count from it)")
    public long jvmStartEpochMillis;
}

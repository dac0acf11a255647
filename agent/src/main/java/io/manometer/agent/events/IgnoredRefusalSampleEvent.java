package io.manometer.agent.events;

import io.manometer.schema.EventSchema;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

@Name(EventSchema.IgnoredRefusalSample.NAME)
@Label("Ignored Refusal Sample")
@Description("A call site that discards the result of offer() or of a channel write unchecked, and how often that "
        + "result was a refusal: items dropped or bytes left unwritten without anyone knowing")
@Category({"Manometer", "Signals"})
@Period("1 s")
@StackTrace(false)
public final class IgnoredRefusalSampleEvent extends Event {
    @Label("Site Id")
    @Description("The call site's number for the life of the JVM: a reader keys the site by it")
    @Count("identifier")
    public long siteId;


    @Label("Call Site")
    @Description("The line whose call's result is discarded")
    @Count("stack frame")
    public String callSite;

    @Label("Called Method")
    @Description("The method whose refusal is ignored, as named at the call (e.g. java.util.concurrent.BlockingQueue.offer)")
    @Count("method name")
    public String calledMethod;

    @Label("Call Stack")
    @Description("Frames of the first ignored refusal, innermost first, one per line")
    @Count("stack frames")
    public String callStack;

    @Label("Threads")
    @Description("Names of the first few threads whose refusals were ignored")
    @Count("thread names")
    public String threads;

    @Label("Refusals Ignored")
    @Description("Calls here whose refusal was discarded, since the agent started")
    @Count("calls")
    public long refused;

    @Label("Rejections Retried")
    @Description("Of the rejections caught here, those of a task rejected here moments before: the same task offered again")
    @Count("tasks")
    public long retried;
}

package io.manometer.agent.events;

import io.manometer.schema.EventSchema;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

@Name(EventSchema.AsyncLaunchSample.NAME)
@Label("Async Launch Sample")
@Description("Asynchronous work launched at one call site (supplyAsync, sendAsync, submit, thread start) and how "
        + "much of it is still in flight")
@Category({"Manometer", "Fan-out"})
@Period("1 s")
@StackTrace(false)
public final class AsyncLaunchSampleEvent extends Event {
    @Label("Site Id")
    @Description("The call site's number for the life of the JVM: a reader keys the site by it")
    @Count("identifier")
    public long siteId;


    @Label("Launch Site")
    @Description("The line that launches the work")
    @Count("stack frame")
    public String launchSite;

    @Label("Launch Kind")
    @Description("completable-future, http-send-async, executor-submit, thread-start or virtual-thread-start")
    @Count("kind")
    public String launchKind;

    @Label("Launch Stack")
    @Description("Frames of a launch, innermost first, one per line; captured once per site")
    @Count("stack frames")
    public String launchStack;

    @Label("Launching Threads")
    @Description("Names of the first few threads seen launching here")
    @Count("thread names")
    public String launchingThreads;

    @Label("Launched")
    @Description("Launches at this site since the agent started")
    @Count("tasks")
    public long launched;

    @Label("Completed")
    @Description("Launched work that finished: normally, exceptionally or cancelled")
    @Count("tasks")
    public long completed;

    @Label("In Flight")
    @Description("Launched and not yet finished")
    @Count("tasks")
    public long inFlight;

    @Label("Peak In Flight")
    @Description("Highest in-flight count sampled so far")
    @Count("tasks")
    public long peakInFlight;

    @Label("In Flight Exact")
    @Description("False when launches beyond the agent's watch limit made in-flight an upper bound")
    public boolean inFlightExact;

    @Label("Launcher Looks")
    @Description("Times the agent looked at what a launching thread was doing, since it started")
    public long launcherLooks;

    @Label("Launcher Waits")
    @Description("Of those looks, how many found it waiting on a limit: a permit, room in a bounded queue, "
            + "the work it launched")
    public long launcherWaits;
}

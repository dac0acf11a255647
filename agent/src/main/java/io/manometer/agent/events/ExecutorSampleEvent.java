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
@Name(EventSchema.ExecutorSample.NAME)
@Label("Executor Sample")
@Description("Task backlog and throughput of one thread pool")
@Category({"Manometer", "Executors"})
@Period("1 s")
@StackTrace(false)
public final class ExecutorSampleEvent extends Event {

    @Label("Executor Id")
    @Description("Identifies the executor for the life of the JVM")
    @Count("identifier")
    public long executorId;

    @Label("Queue Depth")
    @Description("Tasks waiting for a worker (a ForkJoinPool's queued submissions plus queued tasks; a thread-per-task "
            + "executor's tasks in flight)")
    @Count("tasks")
    public long queueDepth;

    @Label("Tasks Submitted")
    @Description("Tasks accepted since the executor was created (ThreadPoolExecutor.getTaskCount; for a ForkJoinPool, "
            + "calls of its public execute, submit and invoke methods)")
    @Count("tasks")
    public long tasksSubmitted;

    @Label("Tasks Completed")
    @Description("Tasks finished since the executor was created; -1 when the executor does not count them (ForkJoinPool)")
    @Count("tasks")
    public long tasksCompleted;

    @Label("Tasks Rejected")
    @Description("Tasks turned away since the executor was created (ThreadPoolExecutor.reject, whatever the handler did)")
    @Count("tasks")
    public long tasksRejected;

    @Label("Rejection Policy")
    @Description("Class of the handler that receives rejected tasks (ThreadPoolExecutor's), empty for other executors")
    public String rejectionPolicy;

    @Label("At Capacity")
    @Description("A bounded work queue with no room left: submitters now wait, run tasks themselves, or are rejected")
    public boolean atCapacity;

    @Label("Oldest Task Wait")
    @Description("How long the oldest queued task has waited, estimated from the submission count at past samples "
            + "(ThreadPoolExecutor); 0 for thread-per-task executors, -1 when not known (ForkJoinPool)")
    @Timespan(Timespan.MILLISECONDS)
    public long oldestTaskWaitMillis;

    @Label("Executor Type")
    @Description("Class name of the executor")
    @Count("class name")
    public String executorType;

    @Label("Created At")
    @Description("First frame outside the JDK where the executor was constructed")
    @Count("stack frame")
    public String createdAt;

    @Label("Created By")
    @Description("Frame that called the executor's constructor (e.g. Executors.newFixedThreadPool)")
    @Count("stack frame")
    public String createdBy;

    @Label("Creation Stack")
    @Description("Frames of the construction, innermost first, one per line")
    @Count("stack frames")
    public String creationStack;

    @Label("Producer Site")
    @Description("First frame outside the JDK of a submission, captured when the executor started being tracked")
    @Count("stack frame")
    public String producerSite;

    @Label("Producer Stack")
    @Description("Frames of that submission, innermost first, one per line")
    @Count("stack frames")
    public String producerStack;

    @Label("Producer Thread")
    @Description("Name of the thread that made that submission")
    @Count("thread name")
    public String producerThread;

    @Label("Common Pool")
    @Description("True for ForkJoinPool.commonPool(), whose creation site says nothing: see the producer site")
    public boolean commonPool;

    @Label("Scheduled")
    @Description("A ScheduledThreadPoolExecutor: its queue holds tasks waiting for their time, and its oldest task "
            + "wait is how late the next due task is")
    public boolean scheduled;

    @Label("Pool Size")
    @Description("Worker threads alive")
    @Count("threads")
    public int poolSize;

    @Label("Active Threads")
    @Description("Worker threads running a task")
    @Count("threads")
    public int activeThreads;

    @Label("Maximum Pool Size")
    @Description("Most worker threads the executor may start (a ForkJoinPool's parallelism); -1 when unlimited "
            + "(thread per task)")
    @Count("threads")
    public int maximumPoolSize;

    @Label("Queue Capacity")
    @Description("Most tasks that may wait; -1 when unbounded")
    @Count("tasks")
    public long queueCapacity;
}

package io.manometer.agent.events;

import io.manometer.agent.AgentLog;
import io.manometer.agent.InjectedFault;
import io.manometer.agent.PartNotice;
import io.manometer.agent.config.AgentOptions;
import io.manometer.agent.instrument.Instrumenter;
import io.manometer.agent.sampling.BufferSampler;
import io.manometer.agent.sampling.BufferSample;
import io.manometer.agent.sampling.ExecutorSample;
import io.manometer.agent.sampling.LaunchSample;
import io.manometer.agent.sampling.MemoryBufferSample;
import io.manometer.agent.sampling.Snapshot;
import io.manometer.agent.tracking.OutboundGroup;
import io.manometer.agent.tracking.OutboundGroups;
import io.manometer.agent.tracking.CallSite;
import io.manometer.agent.tracking.IgnoredResultSite;
import io.manometer.agent.tracking.TrackingRegistry;
import io.manometer.schema.EventSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/** Turns sampler snapshots into JFR events when JFR asks for them. */
public final class EventEmitter {
    /** When the JVM started (ms since the epoch): read once, on the first AgentInfo, off premain's path. */
    private static long jvmStartEpochMillis;

    /** Longest a JFR periodic callback waits for the sampler before skipping the period. */
    private static final long MAX_WAIT_MILLIS = 500;

    private final BufferSampler sampler;
    private final UnchangedSamples unchanged = new UnchangedSamples(EventSchema.UNCHANGED_WRITTEN_EVERY_NANOS);
    private final TrackingRegistry registry;
    private final AgentOptions options;
    private final String version;

    private EventEmitter(BufferSampler sampler, TrackingRegistry registry, AgentOptions options, String version) {
        this.sampler = sampler;
        this.registry = registry;
        this.options = options;
        this.version = version;
    }

    /**
     * Registers the events once JFR itself starts (at once if it already has): registering
     * initializes JFR, which a JVM that never records should not pay for.
     */
    public static void registerWhenRecorderStarts(BufferSampler sampler, TrackingRegistry registry,
                                                  AgentOptions options, String version) {
        EventEmitter emitter = new EventEmitter(sampler, registry, options, version);
        current = emitter;
        FlightRecorder.addListener(emitter.listener);
    }

    /** The emitter registered last: what a detach stops. */
    private static volatile EventEmitter current;
    private final List<Runnable> hooks = new ArrayList<>();
    private final FlightRecorderListener listener = new FlightRecorderListener() {
        private boolean registered;

        @Override
        public synchronized void recorderInitialized(FlightRecorder recorder) {
            if (!registered) {
                registered = true;
                register();
            }
        }
    };

    /** Stops writing the agent's events and its sampler (a detach); the event types stay known to JFR. */
    public static void unregister() {
        EventEmitter emitter = current;
        current = null;
        alsoWrittenTo = null;
        if (emitter == null) {
            return;
        }
        FlightRecorder.removeListener(emitter.listener);
        synchronized (emitter.hooks) {
            for (Runnable hook : emitter.hooks) {
                FlightRecorder.removePeriodicEvent(hook);
            }
            emitter.hooks.clear();
        }
        emitter.sampler.stop();
    }

    private void register() {
        try {
            // Written only when a verdict comes, yet listed from the start: a tool that lists a JVM's
            // event types (Cryostat's automated rules, JMC) must see it before the first alert.
            FlightRecorder.register(AlertEvent.class);
            addPeriodic(AgentInfoEvent.class, guarded("agent info", this::emitAgentInfo));
            addPeriodic(QueueSampleEvent.class, guarded("queue samples", () -> emitQueueSamples(snapshot())));
            addPeriodic(ExecutorSampleEvent.class, guarded("executor samples", () -> emitExecutorSamples(snapshot())));
            addPeriodic(BufferSummaryEvent.class, guarded("buffer summary", () -> emitSummary(snapshot())));
            addPeriodic(AsyncLaunchSampleEvent.class, guarded("launch samples", () -> emitLaunchSamples(snapshot())));
            addPeriodic(IgnoredRefusalSampleEvent.class, guarded("ignored refusals", () -> emitIgnoredRefusals(snapshot())));
            addPeriodic(MemoryBufferSampleEvent.class, guarded("memory buffer samples", () -> emitMemoryBuffers(snapshot())));
            addPeriodic(OutboundSampleEvent.class, guarded("outbound samples", () -> emitOutbound(snapshot())));
        } catch (Throwable t) {
            AgentLog.warn("could not register the manometer events with JFR; nothing will be recorded", t);
        }
    }

    private void addPeriodic(Class<? extends Event> type, Runnable hook) {
        synchronized (hooks) {
            FlightRecorder.addPeriodicEvent(type, hook);
            hooks.add(hook);
        }
    }

    /**
     * A hook that never throws. JFR runs every periodic hook on one thread of its own and logs what a
     * hook throws, but that log line needs memory: an OutOfMemoryError from a hook while the heap is
     * full, when the recording matters most, would escape and end JFR's periodic thread, and with it
     * every periodic event of the recording. The notice is built now, while there is memory, and
     * said once: a fault that recurs every period is counted after that, not printed.
     */
    private static final PartNotice NOT_WRITTEN = new PartNotice(
            "the agent's events could not be written; periods that fail are skipped and counted");

    private static Runnable guarded(String events, Runnable hook) {
        return () -> {
            try {
                hook.run();
            } catch (Throwable t) {
                NOT_WRITTEN.failed(events, t);
            }
        };
    }

    private void emitAgentInfo() {
        if (jvmStartEpochMillis == 0) {
            jvmStartEpochMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        }
        AgentInfoEvent event = new AgentInfoEvent();
        event.agentVersion = version;
        event.schemaVersion = io.manometer.schema.EventSchema.VERSION;
        event.options = options.describe();
        event.transformedClasses = Instrumenter.transformedCount();
        event.trackedBuffers = registry.trackedCount();
        event.untrackedBuffers = registry.untrackedCount();
        event.instrumentedCallSites = registry.sites.count();
        event.callSitesNotInstrumented = registry.sites.notInstrumented();
        event.warnings = AgentLog.warningCount();
        event.skippedPeriods = sampler.skippedPeriods();
        event.jvmStartEpochMillis = jvmStartEpochMillis;
        write(event);
    }

    private void emitQueueSamples(Snapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        for (BufferSample s : unchanged.toWrite(snapshot)) {
            QueueSampleEvent event = new QueueSampleEvent();
            event.bufferId = s.buffer().id;
            event.bufferType = s.buffer().type;
            CallSite created = s.buffer().created;
            event.createdAt = created.site();
            event.createdBy = created.creator();
            event.creationStack = created.stack();
            event.producerSite = s.buffer().producer().site();
            event.producerStack = s.buffer().producer().stack();
            event.producerThread = s.buffer().producerThread();
            event.producerThreads = s.buffer().producerThreads();
            event.consumerThreads = s.buffer().consumerThreads();
            event.capacity = s.capacity();
            event.depth = s.depth();
            event.depthExact = s.depthExact();
            event.atCapacity = s.atCapacity();
            event.refused = s.refused();
            event.inserted = s.inserted();
            event.removed = s.removed();
            event.oldestWaitMillis = millis(s.oldestWaitNanos());
            event.delayed = s.delayed();
            write(event);
        }
    }

    private void emitExecutorSamples(Snapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        for (ExecutorSample s : snapshot.executors()) {
            ExecutorSampleEvent event = new ExecutorSampleEvent();
            event.executorId = s.executor().id;
            event.executorType = s.executor().type;
            CallSite created = s.executor().created;
            event.createdAt = created.site();
            event.createdBy = created.creator();
            event.creationStack = created.stack();
            event.producerSite = s.executor().producer().site();
            event.producerStack = s.executor().producer().stack();
            event.producerThread = s.executor().producerThread();
            event.commonPool = s.commonPool();
            event.scheduled = s.scheduled();
            event.atCapacity = s.atCapacity();
            event.tasksRejected = s.tasksRejected();
            event.rejectionPolicy = s.rejectionPolicy();
            event.poolSize = s.poolSize();
            event.activeThreads = s.activeThreads();
            event.maximumPoolSize = s.maximumPoolSize();
            event.queueDepth = s.queueDepth();
            event.queueCapacity = s.queueCapacity();
            event.tasksSubmitted = s.tasksSubmitted();
            event.tasksCompleted = s.tasksCompleted();
            event.oldestTaskWaitMillis = millis(s.oldestTaskWaitNanos());
            write(event);
        }
    }

    /**
     * Whom the events are handed to as they are written, besides JFR: the agent's live verdict,
     * which so reads them without parsing its own recording back. Null: no one.
     */
    private static volatile Consumer<Event> alsoWrittenTo;

    /** Hands every event written from now on to {@code reader} too, on the thread writing it. */
    public static void alsoHandTo(Consumer<Event> reader) {
        alsoWrittenTo = reader;
    }

    private static void write(Event event) {
        InjectedFault.EVENT_WRITE.fireIfOn();
        event.commit();
        Consumer<Event> reader = alsoWrittenTo;
        if (reader != null) {
            reader.accept(event);
        }
    }

    /** Nanoseconds to milliseconds, keeping -1 (unknown) as it is. */
    private static long millis(long nanos) {
        return nanos < 0 ? -1 : nanos / 1_000_000L;
    }

    private void emitLaunchSamples(Snapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        for (LaunchSample s : snapshot.launches()) {
            AsyncLaunchSampleEvent event = new AsyncLaunchSampleEvent();
            event.siteId = s.site().id;
            event.launchSite = s.site().named();
            event.launchKind = s.site().kind().label;
            event.launchStack = s.site().stack().stack();
            event.launchingThreads = s.site().launchers();
            event.launched = s.launched();
            event.completed = s.completed();
            event.inFlight = s.inFlight();
            event.peakInFlight = s.peakInFlight();
            event.inFlightExact = s.inFlightExact();
            event.launcherLooks = s.launcherLooks();
            event.launcherWaits = s.launcherWaits();
            write(event);
        }
    }

    private void emitIgnoredRefusals(Snapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        for (IgnoredResultSite site : snapshot.ignoredResults()) {
            IgnoredRefusalSampleEvent event = new IgnoredRefusalSampleEvent();
            event.siteId = site.id;
            event.callSite = site.named();
            event.calledMethod = site.call();
            event.callStack = site.stack().stack();
            event.threads = site.threads();
            event.refused = site.refused();
            event.retried = site.retried();
            write(event);
        }
    }

    private void emitMemoryBuffers(Snapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        for (MemoryBufferSample s : snapshot.memoryBuffers()) {
            MemoryBufferSampleEvent event = new MemoryBufferSampleEvent();
            event.bufferId = s.buffer().id;
            event.bufferType = s.buffer().type;
            event.writerSite = s.buffer().writer().site();
            event.writerStack = s.buffer().writer().stack();
            event.writerThread = s.buffer().writerThread;
            event.size = s.sizeBytes();
            event.capacity = s.capacityBytes();
            write(event);
        }
    }

    private void emitOutbound(Snapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        for (OutboundGroups.Reading r : snapshot.outbound()) {
            OutboundGroup g = r.group();
            OutboundGroup.Reading counts = r.counts();
            OutboundSampleEvent event = new OutboundSampleEvent();
            event.groupId = g.id;
            event.transport = g.transport.label;
            event.bufferType = g.type;
            event.writerSite = g.writer.site();
            event.writerStack = g.writer.stack();
            event.writerThread = g.writerThread;
            event.connections = counts.connections();
            event.pending = counts.pending();
            event.maxPending = counts.maxPending();
            event.bytesAdded = counts.bytesAdded();
            event.writes = counts.writes();
            event.writesWhileUnwritable = counts.writesWhileUnwritable();
            event.becameUnwritable = counts.becameUnwritable();
            write(event);
        }
    }

    private void emitSummary(Snapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        BufferSummaryEvent event = new BufferSummaryEvent();
        event.describedQueues = snapshot.buffers().size();
        event.describedExecutors = snapshot.executors().size();
        event.omitted = snapshot.omittedBuffers();
        event.omittedMaxDepth = snapshot.omittedMaxDepth();
        event.omittedTotalDepth = snapshot.omittedTotalDepth();
        write(event);
    }

    /** The snapshot a period's events share: one at most 200 ms old. */
    private Snapshot snapshot() {
        try {
            return sampler.fresh(MAX_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Throwable t) {
            AgentLog.warn("sampling failed", t);
            return null;
        }
    }
}

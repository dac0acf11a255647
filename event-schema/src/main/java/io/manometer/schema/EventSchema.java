package io.manometer.schema;

/**
 * The names of every {@code manometer.*} event and of its fields, as written in a recording.
 * Documented field by field in docs/events.md (a test keeps the two in step).
 */
public final class EventSchema {
    /** Raised whenever a field changes meaning or disappears; adding fields does not raise it. */
    public static final int VERSION = 1;

    /**
     * A described queue or executor whose depth and counts have not moved is written at least this
     * often (not every period): a reader may take it as unchanged until this long after its last sample.
     */
    public static final long UNCHANGED_WRITTEN_EVERY_NANOS = 5_000_000_000L;

    private EventSchema() {}

    /** Every event's name: each nested class here with a {@code NAME} is one event. */
    public static java.util.List<String> eventNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Class<?> type : EventSchema.class.getClasses()) {
            try {
                names.add((String) type.getField("NAME").get(null));
            } catch (NoSuchFieldException notAnEvent) {
                // a group of shared field names
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        java.util.Collections.sort(names);
        return java.util.List.copyOf(names);
    }

    /** Depth and counters of one tracked queue, every period. */
    public static final class QueueSample {
        public static final String NAME = "manometer.QueueSample";
        public static final String BUFFER_ID = "bufferId";
        public static final String DEPTH = "depth";
        public static final String INSERTED = "inserted";
        public static final String REMOVED = "removed";
        public static final String REFUSED = "refused";
        public static final String AT_CAPACITY = "atCapacity";
        public static final String OLDEST_WAIT_MILLIS = "oldestWaitMillis";
        public static final String DELAYED = "delayed";
        public static final String BUFFER_TYPE = "bufferType";
        public static final String CREATED_AT = Sites.CREATED_AT;
        public static final String CREATED_BY = Sites.CREATED_BY;
        public static final String CREATION_STACK = Sites.CREATION_STACK;
        public static final String PRODUCER_SITE = Sites.PRODUCER_SITE;
        public static final String PRODUCER_STACK = Sites.PRODUCER_STACK;
        public static final String PRODUCER_THREAD = Sites.PRODUCER_THREAD;
        public static final String PRODUCER_THREADS = "producerThreads";
        public static final String CONSUMER_THREADS = "consumerThreads";
        public static final String CAPACITY = "capacity";
        public static final String DEPTH_EXACT = "depthExact";

        private QueueSample() {}
    }

    /** Backlog, pool and task counters of one executor, every period. */
    public static final class ExecutorSample {
        public static final String NAME = "manometer.ExecutorSample";
        public static final String EXECUTOR_ID = "executorId";
        public static final String QUEUE_DEPTH = "queueDepth";
        public static final String TASKS_SUBMITTED = "tasksSubmitted";
        public static final String TASKS_COMPLETED = "tasksCompleted";
        public static final String TASKS_REJECTED = "tasksRejected";
        public static final String REJECTION_POLICY = "rejectionPolicy";
        public static final String AT_CAPACITY = "atCapacity";
        public static final String OLDEST_TASK_WAIT_MILLIS = "oldestTaskWaitMillis";
        public static final String EXECUTOR_TYPE = "executorType";
        public static final String CREATED_AT = Sites.CREATED_AT;
        public static final String CREATED_BY = Sites.CREATED_BY;
        public static final String CREATION_STACK = Sites.CREATION_STACK;
        public static final String PRODUCER_SITE = Sites.PRODUCER_SITE;
        public static final String PRODUCER_STACK = Sites.PRODUCER_STACK;
        public static final String PRODUCER_THREAD = Sites.PRODUCER_THREAD;
        public static final String COMMON_POOL = "commonPool";
        public static final String SCHEDULED = "scheduled";
        public static final String POOL_SIZE = "poolSize";
        public static final String ACTIVE_THREADS = "activeThreads";
        public static final String MAXIMUM_POOL_SIZE = "maximumPoolSize";
        public static final String QUEUE_CAPACITY = "queueCapacity";

        private ExecutorSample() {}
    }

    /** Work in flight from one call site that launches asynchronous work, every period. */
    public static final class AsyncLaunchSample {
        public static final String NAME = "manometer.AsyncLaunchSample";
        public static final String SITE_ID = Sites.SITE_ID;
        public static final String LAUNCH_SITE = "launchSite";
        public static final String LAUNCH_KIND = "launchKind";
        public static final String LAUNCH_STACK = "launchStack";
        public static final String LAUNCHING_THREADS = "launchingThreads";
        public static final String LAUNCHED = "launched";
        public static final String COMPLETED = "completed";
        public static final String IN_FLIGHT = "inFlight";
        public static final String PEAK_IN_FLIGHT = "peakInFlight";
        public static final String IN_FLIGHT_EXACT = "inFlightExact";
        public static final String LAUNCHER_LOOKS = "launcherLooks";
        public static final String LAUNCHER_WAITS = "launcherWaits";

        private AsyncLaunchSample() {}
    }

    /** Refusals discarded unread at one call site, every period. */
    public static final class IgnoredRefusalSample {
        public static final String NAME = "manometer.IgnoredRefusalSample";
        public static final String SITE_ID = Sites.SITE_ID;
        public static final String CALL_SITE = "callSite";
        public static final String CALLED_METHOD = "calledMethod";
        public static final String CALL_STACK = "callStack";
        public static final String THREADS = "threads";
        public static final String REFUSED = "refused";
        public static final String RETRIED = "retried";

        private IgnoredRefusalSample() {}
    }

    /** Bytes held by one large in-memory byte or char buffer, every period. */
    public static final class MemoryBufferSample {
        public static final String NAME = "manometer.MemoryBufferSample";
        public static final String BUFFER_ID = "bufferId";
        public static final String BUFFER_TYPE = "bufferType";
        public static final String WRITER_SITE = "writerSite";
        public static final String WRITER_STACK = "writerStack";
        public static final String WRITER_THREAD = "writerThread";
        public static final String SIZE = "size";
        public static final String CAPACITY = "capacity";

        private MemoryBufferSample() {}
    }

    /**
     * The outbound bytes a network library holds for its connections (a Netty channel's outbound
     * buffer, a gRPC stream's queue), summed over the connections whose writes started at one line,
     * every period: what they hold, and whether the writers heed the library's "not writable" signal.
     */
    public static final class OutboundSample {
        public static final String NAME = "manometer.OutboundSample";
        public static final String GROUP_ID = "groupId";
        public static final String TRANSPORT = "transport";
        public static final String BUFFER_TYPE = "bufferType";
        public static final String WRITER_SITE = "writerSite";
        public static final String WRITER_STACK = "writerStack";
        public static final String WRITER_THREAD = "writerThread";
        public static final String CONNECTIONS = "connections";
        public static final String PENDING = "pending";
        public static final String MAX_PENDING = "maxPending";
        public static final String BYTES_ADDED = "bytesAdded";
        public static final String WRITES = "writes";
        public static final String WRITES_WHILE_UNWRITABLE = "writesWhileUnwritable";
        public static final String BECAME_UNWRITABLE = "becameUnwritable";

        /** The values of {@link #TRANSPORT}. */
        public static final class Transports {
            public static final String NETTY_CHANNEL = "netty-channel";
            public static final String GRPC_STREAM = "grpc-stream";

            private Transports() {}
        }

        private OutboundSample() {}
    }

    /** What the sampler described and what it left out, every period. */
    public static final class BufferSummary {
        public static final String NAME = "manometer.BufferSummary";
        public static final String DESCRIBED_QUEUES = "describedQueues";
        public static final String DESCRIBED_EXECUTORS = "describedExecutors";
        public static final String OMITTED = "omitted";
        public static final String OMITTED_MAX_DEPTH = "omittedMaxDepth";
        public static final String OMITTED_TOTAL_DEPTH = "omittedTotalDepth";

        private BufferSummary() {}
    }

    /** Version, settings and health of the agent, at the start and end of every chunk. */
    public static final class AgentInfo {
        public static final String NAME = "manometer.AgentInfo";
        public static final String AGENT_VERSION = "agentVersion";
        public static final String SCHEMA_VERSION = "schemaVersion";
        public static final String OPTIONS = "options";
        public static final String TRANSFORMED_CLASSES = "transformedClasses";
        public static final String TRACKED_BUFFERS = "trackedBuffers";
        public static final String UNTRACKED_BUFFERS = "untrackedBuffers";
        public static final String INSTRUMENTED_CALL_SITES = "instrumentedCallSites";
        public static final String CALL_SITES_NOT_INSTRUMENTED = "callSitesNotInstrumented";
        public static final String WARNINGS = "warnings";
        /** Periods written without samples because sampling was late (a queue's lock held, a starved JVM). */
        public static final String SKIPPED_PERIODS = "skippedPeriods";
        /**
         * When the JVM started, in milliseconds since the epoch: warm-ups count from it, and a dump
         * leaves out jdk.JVMInformation, which also carries every JVM argument.
         */
        public static final String JVM_START_EPOCH_MILLIS = "jvmStartEpochMillis";

        private AgentInfo() {}
    }

    /** A change of a live verdict: raised, turned critical, eased or cleared. */
    public static final class Alert {
        public static final String NAME = "manometer.Alert";
        public static final String STATE = "state";
        public static final String SEVERITY = "severity";
        public static final String KIND = "kind";
        public static final String SITE = "site";
        public static final String SUMMARY = "summary";
        public static final String FIX = "fix";
        public static final String GROWTH_PER_SECOND = "growthPerSecond";
        public static final String PEAK = "peak";
        public static final String SECONDS_TO_HEAP_LIMIT = "secondsToHeapLimit";
        public static final String DUMP_FILE = "dumpFile";

        private Alert() {}
    }

    /** Where a queue or executor was made and first fed: the same fields, same meaning, in both samples. */
    public static final class Sites {
        public static final String CREATED_AT = "createdAt";
        public static final String CREATED_BY = "createdBy";
        public static final String CREATION_STACK = "creationStack";
        public static final String PRODUCER_SITE = "producerSite";
        public static final String PRODUCER_STACK = "producerStack";
        public static final String PRODUCER_THREAD = "producerThread";
        /**
         * A rewritten call site's number, for the life of the JVM: what a reader keys a site by, as
         * its text may reach a live stream's reader after the event does.
         */
        public static final String SITE_ID = "siteId";

        private Sites() {}
    }
}

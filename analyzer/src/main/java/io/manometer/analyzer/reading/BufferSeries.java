package io.manometer.analyzer.reading;

import io.manometer.schema.StackFrames;

/**
 * Everything a recording says about one queue or executor: what and where it is, and its samples.
 * Descriptive fields come from the latest sample that carried them.
 */
public final class BufferSeries {
    /** What kind of buffer this is. */
    public enum Subject {
        QUEUE("queue"), EXECUTOR("executor"),
        /** A call site launching asynchronous work: depth is the work in flight. */
        LAUNCH_SITE("launch site"),
        /** An in-memory byte or char buffer: depth is the bytes it holds. */
        MEMORY_BUFFER("memory buffer"),
        /**
         * The network connections (Netty channels, gRPC streams) whose writes backed up at one line:
         * depth is the bytes written and not yet sent.
         */
        OUTBOUND("outbound connections");

        public final String label;

        Subject(String label) {
            this.label = label;
        }
    }

    public final Subject subject;
    public final long id;
    public final SampleSeries samples = new SampleSeries();
    String type = "";
    String createdAt = "";
    String createdBy = "";
    String creationStack = "";
    String producerSite = "";
    String producerStack = "";
    String producerThread = "";
    /** Threads seen producing into (or launching from) it, and consuming from it, as the agent listed them. */
    String producerThreads = "";
    String consumerThreads = "";
    long capacity = -1;
    boolean commonPool;
    /** A scheduled executor or a DelayQueue: what it holds waits for its time, not for a consumer. */
    boolean scheduled;
    /** A ThreadPoolExecutor's rejection handler class: what becomes of a rejected task; empty when unknown. */
    String rejectionPolicy = "";
    /** An executor's worker threads at its latest sample; -1 when not known (not an executor). */
    int poolSize = -1;
    int samplesAtCapacity;
    int samplesRead;
    long refused;
    /** The agent's oldest-element wait at the latest sample read (-1: not recorded), and that sample's time. */
    long oldestWaitMillis = -1;
    long oldestWaitAtNanos = Long.MIN_VALUE;
    /** Whether this buffer's events carry atCapacity and refusal fields; null until the first is read. */
    Boolean hasPressureFields;
    /** Whether this buffer's events carry the oldest wait, and thread lists; null until the first is read. */
    Boolean hasWaitField;
    Boolean hasThreadFields;
    /** A launch site's looks at its launching threads, and those that found one waiting on a limit (cumulative). */
    long launcherLooks;
    long launcherWaits;
    Boolean hasLauncherFields;
    /** Outbound connections: transport, live connections at the latest sample, and cumulative writes. */
    String transport = "";
    int connections;
    long writes;
    long writesWhileUnwritable;
    long becameUnwritable;
    long maxConnectionPending;

    /** Known by name (a launch site) and numbered by the reader, rather than by the agent's id. */
    final boolean named;

    BufferSeries(Subject subject, long id, boolean named) {
        this.subject = subject;
        this.id = id;
        this.named = named;
    }

    /** Takes in what a later chunk of the recording said about the same buffer. */
    void absorb(BufferSeries later) {
        if (type.isEmpty()) {
            type = later.type;
            createdAt = later.createdAt;
            createdBy = later.createdBy;
            creationStack = later.creationStack;
        }
        if (producerSite.isEmpty()) {
            producerSite = later.producerSite;
            producerStack = later.producerStack;
            producerThread = later.producerThread;
        }
        producerThreads = later.producerThreads.isEmpty() ? producerThreads : later.producerThreads;
        consumerThreads = later.consumerThreads.isEmpty() ? consumerThreads : later.consumerThreads;
        if (samplesRead == 0) {
            capacity = later.capacity;
            commonPool = later.commonPool;
            scheduled = later.scheduled;
            rejectionPolicy = later.rejectionPolicy;
        }
        hasPressureFields = hasPressureFields == null ? later.hasPressureFields : hasPressureFields;
        hasWaitField = hasWaitField == null ? later.hasWaitField : hasWaitField;
        hasThreadFields = hasThreadFields == null ? later.hasThreadFields : hasThreadFields;
        hasLauncherFields = hasLauncherFields == null ? later.hasLauncherFields : hasLauncherFields;
        samplesRead += later.samplesRead;
        samplesAtCapacity += later.samplesAtCapacity;
        refused = Math.max(refused, later.refused);
        launcherLooks = Math.max(launcherLooks, later.launcherLooks);
        launcherWaits = Math.max(launcherWaits, later.launcherWaits);
        transport = transport.isEmpty() ? later.transport : transport;
        connections = later.samplesRead > 0 ? later.connections : connections;
        writes = Math.max(writes, later.writes);
        writesWhileUnwritable = Math.max(writesWhileUnwritable, later.writesWhileUnwritable);
        becameUnwritable = Math.max(becameUnwritable, later.becameUnwritable);
        maxConnectionPending = Math.max(maxConnectionPending, later.maxConnectionPending);
        if (later.oldestWaitAtNanos >= oldestWaitAtNanos) {
            oldestWaitMillis = later.oldestWaitMillis;
            oldestWaitAtNanos = later.oldestWaitAtNanos;
        }
        samples.append(later.samples);
    }

    /**
     * Of the agent's looks at a launch site's launching threads, the share that found one waiting on
     * a limit (a permit, room in a queue, the work it launched); null when it never looked.
     */
    public Double launcherWaitShare() {
        return launcherLooks == 0 ? null : (double) launcherWaits / launcherLooks;
    }

    /** How many times the agent looked at a launch site's launching threads. */
    public long launcherLooks() {
        return launcherLooks;
    }

    /** Outbound connections: {@code netty-channel} or {@code grpc-stream}; empty for other buffers. */
    public String transport() {
        return transport;
    }

    /** Outbound connections alive at the latest sample. */
    public int connections() {
        return connections;
    }

    /** Outbound connections: the application's writes since they backed up. */
    public long writes() {
        return writes;
    }

    /** Of those, the writes made while the connection was not writable (not ready). */
    public long writesWhileUnwritable() {
        return writesWhileUnwritable;
    }

    /** Most bytes one connection of the group held pending at any sample. */
    public long maxConnectionPending() {
        return maxConnectionPending;
    }

    /** Times a connection went from writable to not writable. */
    public long becameUnwritable() {
        return becameUnwritable;
    }

    /** How long the oldest waiting element had waited at the last sample; null when the agent did not say. */
    public Double oldestWaitSeconds() {
        return oldestWaitMillis < 0 ? null : oldestWaitMillis / 1000.0;
    }

    public String type() {
        return type;
    }

    public String createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public String creationStack() {
        return creationStack;
    }

    public String producerSite() {
        return producerSite;
    }

    public String producerStack() {
        return producerStack;
    }

    public String producerThread() {
        return producerThread;
    }

    /** Every producer thread the agent listed, the first one if it listed no more. */
    public java.util.List<String> producerThreadNames() {
        return names(producerList());
    }

    private String producerList() {
        return producerThreads.isEmpty() ? producerThread : producerThreads;
    }

    public java.util.List<String> consumerThreadNames() {
        return names(consumerThreads);
    }

    /**
     * Whether every thread that fills this buffer also empties it (the agent listed them all): a
     * list a thread keeps for itself, such as a dispatcher's queue drained by the thread that
     * posted to it, rather than a buffer between stages.
     */
    public boolean filledOnlyByItsConsumers() {
        java.util.List<String> filling = producerThreadNames();
        return !filling.isEmpty() && !producerList().endsWith("...") && consumerThreadNames().containsAll(filling);
    }

    private static java.util.List<String> names(String list) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (String name : list.split(", ")) {
            if (!name.isEmpty() && !name.equals("...")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Most elements the buffer accepts, or -1 when unbounded. */
    public long capacity() {
        return isBounded() ? capacity : -1;
    }

    /** Fraction of samples in which the bounded buffer was full (producers waiting or refused). */
    public double fractionAtCapacity() {
        return samplesRead == 0 ? 0 : (double) samplesAtCapacity / samplesRead;
    }

    /** A ThreadPoolExecutor's rejection handler class, empty when unknown or another executor. */
    public String rejectionPolicy() {
        return rejectionPolicy;
    }

    /** An executor's worker threads at its latest sample; -1 when not known or not an executor. */
    public int poolSize() {
        return poolSize;
    }

    /** Elements refused or tasks rejected by the end of the recording. */
    public long refused() {
        return refused;
    }

    /**
     * Whether the buffer has a bound that can push back. A "capacity" of 2^30 or more is none (and
     * is what an unbounded queue growing between two reads of an older agent's sampler looks like).
     */
    public boolean isBounded() {
        return capacity >= 0 && capacity < (1L << 30);
    }

    public boolean isScheduled() {
        return scheduled;
    }

    /** True for ForkJoinPool.commonPool(): shared by the whole JVM, created by whatever touched it first. */
    public boolean isCommonPool() {
        return commonPool;
    }

    /**
     * The line to name in a report: where the buffer was created, else where it was fed from. For
     * the common pool, where it is fed from: its creation site is an accident of class loading. The
     * same when the agent found no application line to create it (a library made it on its own
     * thread, as an actor system makes a mailbox) and the line feeding it is the application's.
     */
    public String site() {
        if (commonPool && !producerSite.isEmpty() || createdAt.isEmpty()) {
            return producerSite;
        }
        if (!producerSite.isEmpty() && isLibraryLine(createdAt) && !isLibraryLine(producerSite)) {
            return producerSite;
        }
        return createdAt;
    }

    /** Whether a frame, {@code pkg.Class.method(File.java:line)}, is the JDK's or a known library's. */
    private static boolean isLibraryLine(String frame) {
        String className = StackFrames.classNameOf(frame);
        return StackFrames.isJdk(className) || StackFrames.isKnownLibrary(className);
    }
}

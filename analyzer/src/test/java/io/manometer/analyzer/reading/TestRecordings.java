package io.manometer.analyzer.reading;

import java.nio.file.Path;
import java.util.function.LongUnaryOperator;

/** Builds recordings in memory for detector tests: the shapes, without waiting for real time. */
public final class TestRecordings {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private final Recording recording = new Recording(Path.of("test.jfr"));

    public static TestRecordings create() {
        TestRecordings r = new TestRecordings();
        r.recording.agentVersion = "test";
        r.recording.schemaVersion = 1;
        return r;
    }

    /**
     * Adds a queue sampled once a second for {@code seconds}, its depth at second s given by
     * {@code depth}; inserts run at {@code insertsPerSecond}, removals make up the difference.
     */
    public TestRecordings queue(long id, long capacity, int seconds, long insertsPerSecond, LongUnaryOperator depth) {
        BufferSeries s = recording.series(BufferSeries.Subject.QUEUE, id);
        s.type = "java.util.concurrent.LinkedBlockingQueue";
        s.createdAt = "com.example.Pipeline.start(Pipeline.java:42)";
        s.createdBy = s.createdAt;
        s.capacity = capacity;
        for (int sec = 0; sec <= seconds; sec++) {
            long t = T0 + sec * 1_000_000_000L;
            long d = depth.applyAsLong(sec);
            long in = insertsPerSecond * sec + d;
            recording.saw(EventNames.QUEUE_SAMPLE, t);
            s.samples.add(t, d, in, in - d);
        }
        return this;
    }

    /**
     * Adds a bounded queue, full at every sample, drained at {@code perSecond} until second
     * {@code stalledFrom} and not at all after (its producers blocked), fed at {@code producer}.
     */
    public TestRecordings stalledQueue(long id, long capacity, int seconds, int stalledFrom, long perSecond,
                                       String producer) {
        BufferSeries s = recording.series(BufferSeries.Subject.QUEUE, id);
        s.type = "java.util.concurrent.ArrayBlockingQueue";
        s.createdAt = "com.example.Pipeline.start(Pipeline.java:42)";
        s.producerSite = producer;
        s.capacity = capacity;
        for (int sec = 0; sec <= seconds; sec++) {
            long t = T0 + sec * 1_000_000_000L;
            long out = perSecond * Math.min(sec, stalledFrom);
            recording.saw(EventNames.QUEUE_SAMPLE, t);
            s.samples.add(t, capacity, out + capacity, out);
        }
        s.samplesRead = s.samples.size();
        s.samplesAtCapacity = s.samples.size();
        return this;
    }

    /** Makes a queue added before one whose creation the agent did not see (an ArrayDeque), fed at {@code site}. */
    public TestRecordings creationUnseen(long queueId, String site) {
        BufferSeries s = recording.series(BufferSeries.Subject.QUEUE, queueId);
        s.type = "java.util.ArrayDeque";
        s.createdAt = "";
        s.createdBy = "";
        s.producerSite = site;
        return this;
    }

    /** Names the threads the agent saw consuming from (and producing into) a queue added before. */
    public TestRecordings threadsOf(long queueId, String producers, String consumers) {
        BufferSeries s = recording.series(BufferSeries.Subject.QUEUE, queueId);
        s.producerThreads = producers;
        s.consumerThreads = consumers;
        return this;
    }

    /**
     * Adds a launch site sampled once a second: {@code inFlight(second)} still running, launched at
     * {@code launchesPerSecond}, from {@code threads}.
     */
    public TestRecordings launchSite(String site, int seconds, long launchesPerSecond, String threads,
                                     LongUnaryOperator inFlight) {
        BufferSeries s = recording.series(BufferSeries.Subject.LAUNCH_SITE, site);
        s.type = "completable-future";
        s.createdAt = site;
        s.producerSite = site;
        s.producerThreads = threads;
        for (int sec = 0; sec <= seconds; sec++) {
            long t = T0 + sec * 1_000_000_000L;
            long flying = inFlight.applyAsLong(sec);
            long launched = launchesPerSecond * sec;
            recording.saw(EventNames.ASYNC_LAUNCH_SAMPLE, t);
            s.samples.add(t, flying, launched, launched - flying);
        }
        return this;
    }

    /** Adds a launch site whose launches and completions so far, by second, are given. */
    public TestRecordings launches(String site, int seconds, LongUnaryOperator launchedBy,
                                   LongUnaryOperator completedBy) {
        BufferSeries s = recording.series(BufferSeries.Subject.LAUNCH_SITE, site);
        s.type = "http-send-async";
        s.createdAt = site;
        s.producerSite = site;
        s.producerThreads = "main";
        for (int sec = 0; sec <= seconds; sec++) {
            long t = T0 + sec * 1_000_000_000L;
            long launched = launchedBy.applyAsLong(sec);
            long completed = completedBy.applyAsLong(sec);
            recording.saw(EventNames.ASYNC_LAUNCH_SAMPLE, t);
            s.samples.add(t, launched - completed, launched, completed);
        }
        return this;
    }

    /** Adds the JVM's live threads, by second. */
    public TestRecordings liveThreads(int seconds, LongUnaryOperator threads) {
        for (int sec = 0; sec <= seconds; sec++) {
            recording.threads().add(T0 + sec * 1_000_000_000L, threads.applyAsLong(sec), -1, -1);
        }
        return this;
    }

    /** Says what the agent saw its launching threads do: {@code waits} of {@code looks} waiting on a limit. */
    public TestRecordings launchers(String site, long looks, long waits) {
        BufferSeries s = recording.series(BufferSeries.Subject.LAUNCH_SITE, site);
        s.launcherLooks = looks;
        s.launcherWaits = waits;
        return this;
    }

    /** Adds a ByteArrayOutputStream holding {@code bytes(second)}, filled at {@code site}. */
    public TestRecordings memoryBuffer(long id, String site, int seconds, LongUnaryOperator bytes) {
        BufferSeries s = recording.series(BufferSeries.Subject.MEMORY_BUFFER, id);
        s.type = "java.io.ByteArrayOutputStream";
        s.createdAt = site;
        s.producerSite = site;
        for (int sec = 0; sec <= seconds; sec++) {
            long t = T0 + sec * 1_000_000_000L;
            recording.saw(EventNames.MEMORY_BUFFER_SAMPLE, t);
            long held = bytes.applyAsLong(sec);
            s.samples.add(t, held, Long.highestOneBit(Math.max(1, held)) * 2, 0);
        }
        return this;
    }

    /**
     * Adds a group of Netty channels written at {@code site} (through {@code Channel.writeAndFlush})
     * holding {@code pending(second)} bytes, with {@code writes} writes of which
     * {@code whileUnwritable} were made while not writable, and {@code becameUnwritable} transitions.
     */
    public TestRecordings outbound(long id, String site, int seconds, LongUnaryOperator pending, long writes,
                                   long whileUnwritable, long becameUnwritable) {
        BufferSeries s = recording.series(BufferSeries.Subject.OUTBOUND, id);
        s.type = "io.netty.channel.ChannelOutboundBuffer";
        s.transport = "netty-channel";
        s.createdAt = site;
        s.producerSite = site;
        s.createdBy = site.isEmpty() ? "" : "io.netty.channel.AbstractChannel.writeAndFlush(AbstractChannel.java:305)";
        s.connections = 1;
        s.writes = writes;
        s.writesWhileUnwritable = whileUnwritable;
        s.becameUnwritable = becameUnwritable;
        for (int sec = 0; sec <= seconds; sec++) {
            long t = T0 + sec * 1_000_000_000L;
            recording.saw(EventNames.OUTBOUND_SAMPLE, t);
            long held = pending.applyAsLong(sec);
            s.maxConnectionPending = Math.max(s.maxConnectionPending, held);
            s.samples.add(t, held, writes * sec / Math.max(1, seconds) * 512, -1);
        }
        return this;
    }

    /** Adds a call site whose discarded refusals reach {@code refusedBy(second)}. */
    public TestRecordings refusals(String site, String method, int seconds, LongUnaryOperator refusedBy) {
        RefusalSite r = recording.refusalSites.computeIfAbsent(site + " " + method, k -> new RefusalSite(site, method));
        for (int sec = 0; sec <= seconds; sec++) {
            long t = T0 + sec * 1_000_000_000L;
            recording.saw(EventNames.IGNORED_REFUSAL_SAMPLE, t);
            long refused = refusedBy.applyAsLong(sec);
            if (sec == 0) {
                r.refusedAtFirstSample = refused;
                r.firstSeenNanos = t;
            }
            r.refused = refused;
            r.lastSeenNanos = t;
        }
        return this;
    }

    /** Says how many of a refusal site's rejections were of a task rejected there moments before. */
    public TestRecordings retried(String site, String method, long retried) {
        recording.refusalSites.get(site + " " + method).retried = retried;
        return this;
    }

    /** Adds the common ForkJoinPool, fed from {@code producer}, whose completions are not counted. */
    public TestRecordings commonPool(long id, int seconds, long submitsPerSecond, String producer,
                                     LongUnaryOperator depth) {
        BufferSeries s = recording.series(BufferSeries.Subject.EXECUTOR, id);
        s.type = "java.util.concurrent.ForkJoinPool";
        s.createdAt = "com.example.Startup.init(Startup.java:1)";
        s.producerSite = producer;
        s.commonPool = true;
        for (int sec = 0; sec <= seconds; sec++) {
            long t = T0 + sec * 1_000_000_000L;
            recording.saw(EventNames.EXECUTOR_SAMPLE, t);
            s.samples.add(t, depth.applyAsLong(sec), submitsPerSecond * sec, -1);
        }
        return this;
    }

    /** Marks a queue added before as a DelayQueue, whose elements wait for their time. */
    public TestRecordings delayed(long queueId) {
        recording.series(BufferSeries.Subject.QUEUE, queueId).scheduled = true;
        return this;
    }

    /**
     * Adds a ScheduledThreadPoolExecutor whose queue grows by {@code perSecond} a second, its next due
     * task {@code overdueMillis} late at the last sample.
     */
    public TestRecordings scheduledExecutor(long id, int seconds, long perSecond, long overdueMillis) {
        BufferSeries s = recording.series(BufferSeries.Subject.EXECUTOR, id);
        s.type = "java.util.concurrent.ScheduledThreadPoolExecutor";
        s.createdAt = "com.example.Timeouts.init(Timeouts.java:12)";
        s.scheduled = true;
        for (int sec = 0; sec <= seconds; sec++) {
            long t = T0 + sec * 1_000_000_000L;
            recording.saw(EventNames.EXECUTOR_SAMPLE, t);
            s.samples.add(t, perSecond * sec, perSecond * sec, 0);
        }
        s.oldestWaitMillis = overdueMillis;
        s.oldestWaitAtNanos = s.samples.lastTime();
        return this;
    }

    /** Adds a bounded ThreadPoolExecutor that rejected {@code refused} tasks and hands them to {@code policy}. */
    public TestRecordings rejectingExecutor(long id, String policy, long refused) {
        BufferSeries s = recording.series(BufferSeries.Subject.EXECUTOR, id);
        s.type = "java.util.concurrent.ThreadPoolExecutor";
        s.createdAt = "com.example.Jobs.init(Jobs.java:12)";
        s.capacity = 100;
        s.rejectionPolicy = policy;
        s.refused = refused;
        for (int sec = 0; sec <= 10; sec++) {
            long t = T0 + sec * 1_000_000_000L;
            recording.saw(EventNames.EXECUTOR_SAMPLE, t);
            s.samples.add(t, 100, 1000 * sec, 1000 * sec - 100);
        }
        return this;
    }

    /** Marks a series' samples as taken at capacity (for the first {@code full} of them), with refusals. */
    public TestRecordings atCapacity(long queueId, int full, long refused) {
        BufferSeries s = recording.series(BufferSeries.Subject.QUEUE, queueId);
        s.samplesRead = s.samples.size();
        s.samplesAtCapacity = full;
        s.refused = refused;
        return this;
    }

    /** Adds {@code count} objects of {@code type} allocated at {@code site} to what the old-object sampler found. */
    public TestRecordings retained(String type, String site, int count) {
        for (int i = 0; i < count; i++) {
            recording.retained.add(type, site, site);
        }
        return this;
    }

    /** Sets what the agent said, at the last sample, of how long a queue's oldest element had waited. */
    public TestRecordings oldestWait(long queueId, long millis) {
        BufferSeries s = recording.series(BufferSeries.Subject.QUEUE, queueId);
        s.oldestWaitMillis = millis;
        s.oldestWaitAtNanos = s.samples.lastTime();
        return this;
    }

    /** Adds one collection a second whose surviving heap is {@code usedBytes(second)}, and the heap's maximum. */
    public TestRecordings heap(int seconds, long maxBytes, LongUnaryOperator usedBytes) {
        return heap(0, seconds, maxBytes, usedBytes);
    }

    /** As {@link #heap(int, long, LongUnaryOperator)}, from second {@code first} (before the buffers' when negative). */
    public TestRecordings heap(int first, int seconds, long maxBytes, LongUnaryOperator usedBytes) {
        recording.heapMaxBytes = maxBytes;
        for (int sec = first; sec <= seconds; sec++) {
            long t = T0 + sec * 1_000_000_000L + 500_000_000L;
            recording.saw(EventNames.GC_HEAP_SUMMARY, t);
            recording.heapAfterGc.add(t, usedBytes.applyAsLong(sec), 0, 0);
        }
        return this;
    }

    /** Adds thread statistics once a second: {@code live(second)} threads alive, started at a steady rate. */
    public TestRecordings threads(int seconds, long startedPerSecond, LongUnaryOperator live) {
        long started = 0;
        for (int sec = 0; sec <= seconds; sec++) {
            long t = T0 + sec * 1_000_000_000L + 250_000_000L;
            long alive = live.applyAsLong(sec);
            started = Math.max(started + startedPerSecond, alive);
            recording.saw(EventNames.THREAD_STATISTICS, t);
            recording.threads.add(t, alive, started, started - alive);
        }
        return this;
    }

    /**
     * Adds a heap histogram every two seconds in which {@code type} has {@code count(second)}
     * instances of {@code bytesEach} bytes, as jdk.ObjectCount would.
     */
    public TestRecordings population(String type, int seconds, long bytesEach, LongUnaryOperator count) {
        for (int sec = 0; sec <= seconds; sec += 2) {
            long t = T0 + sec * 1_000_000_000L + 100_000_000L;
            recording.saw(EventNames.OBJECT_COUNT, t);
            long n = count.applyAsLong(sec);
            recording.populations.count(type, t, n, n * bytesEach);
        }
        return this;
    }

    /** Adds {@code samples} allocation samples of {@code type} at {@code site}, as jdk.ObjectAllocationSample would. */
    public TestRecordings allocated(String type, String site, int samples) {
        for (int i = 0; i < samples; i++) {
            recording.populations.allocated(type, site, () -> site, 1000);
        }
        return this;
    }

    /** Adds {@code starts} thread starts at {@code site}, as jdk.ThreadStart with stack traces would. */
    public TestRecordings threadStarts(String site, int starts) {
        for (int i = 0; i < starts; i++) {
            recording.saw(EventNames.THREAD_START, T0);
            recording.threadStarts.add(site, () -> site, 1);
        }
        return this;
    }

    /** The pool the pool methods below describe: a ThreadPoolExecutor's workers, pool-1-thread-N. */
    private static final String POOL_WORKER = "pool-1-thread-";

    /** Adds {@code workers} workers of a ThreadPoolExecutor started at the first second by submits at {@code site}. */
    public TestRecordings poolStarted(String site, int workers) {
        for (int i = 1; i <= workers; i++) {
            recording.saw(EventNames.THREAD_START, T0);
            recording.workerPools.started(POOL_WORKER + i, WorkerPools.Kind.THREAD_POOL_EXECUTOR, T0, site, () -> site);
        }
        return this;
    }

    /** A worker of that pool waited 50 ms for work at {@code second}, as jdk.ThreadPark in its take records. */
    public TestRecordings poolWaited(int second) {
        long t = T0 + second * 1_000_000_000L;
        recording.saw(EventNames.THREAD_PARK, t);
        recording.workerPools.waited(POOL_WORKER + 1, WorkerPools.Kind.THREAD_POOL_EXECUTOR, t, t + 50_000_000L);
        return this;
    }

    /** The pool's workers were seen {@code samples} times at {@code site} over 20 s, as jdk.ExecutionSample records. */
    public TestRecordings poolBusy(String site, int samples) {
        for (int i = 0; i < samples; i++) {
            long t = T0 + i * 20_000_000_000L / Math.max(1, samples - 1);
            recording.workerPools.busy(POOL_WORKER + 1, WorkerPools.Kind.THREAD_POOL_EXECUTOR, t, site, () -> site);
        }
        return this;
    }

    /** A thread dump at {@code second}, in jstack's text, as jdk.ThreadDump holds it. */
    public TestRecordings threadDump(int second, String dump) {
        recording.workerPools.dumped(dump, T0 + second * 1_000_000_000L);
        return this;
    }

    /** Says the JVM started {@code seconds} before the recording's first second, as jdk.JVMInformation would. */
    public TestRecordings jvmStartedBefore(int seconds) {
        recording.jvmStartNanos = T0 - seconds * 1_000_000_000L;
        return this;
    }

    /** Says the agent skipped {@code periods} sampling periods, as its AgentInfo event would. */
    public TestRecordings skippedPeriods(long periods) {
        recording.skippedPeriods = periods;
        return this;
    }

    /** As a recording without the agent: no agent info. */
    public TestRecordings withoutAgent() {
        recording.agentVersion = null;
        return this;
    }

    public Recording build() {
        return recording;
    }
}

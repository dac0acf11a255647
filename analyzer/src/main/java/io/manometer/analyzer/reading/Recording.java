package io.manometer.analyzer.reading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.HashSet;

/** What the analyzer keeps of one recording: compact per-buffer series and a few facts. */
public final class Recording {
    public final Path file;
    final Map<SeriesKey, BufferSeries> series = new LinkedHashMap<>();
    final Set<String> eventTypesSeen = new HashSet<>();
    long firstEventNanos = Long.MAX_VALUE;
    long lastEventNanos = Long.MIN_VALUE;
    String agentVersion;
    int schemaVersion;
    long agentWarnings;
    long untrackedBuffers;
    long skippedPeriods;
    long lostDataBytes;
    /** The JVM never finished the recording (it died, or records still): read up to its last flush. */
    boolean unfinished;
    /** What of the file could not be read and was left out (a chunk, damaged bytes); empty for a whole file. */
    final List<String> damage = new ArrayList<>();
    /** Heap used right after each garbage collection: what the application really keeps. */
    final SampleSeries heapAfterGc = new SampleSeries();
    long heapMaxBytes = -1;
    /** When the JVM started, in nanoseconds since the epoch; -1 when the recording does not say. */
    long jvmStartNanos = -1;
    /** Live threads (depth), threads ever started (in) and ended (out), once a second by default. */
    final SampleSeries threads = new SampleSeries();

    /** Filled while its JVM runs (by the agent), not read from a file: judged again and again. */
    private final boolean live;

    Recording(Path file) {
        this(file, false);
    }

    private Recording(Path file, boolean live) {
        this.file = file;
        this.live = live;
    }

    /**
     * A recording filled live from a {@link jdk.jfr.consumer.RecordingStream} (see
     * {@link RecordingReader#subscribe}); {@code name} stands where a file name would.
     */
    public static Recording live(String name) {
        return new Recording(Path.of(name), true);
    }

    /**
     * A recording filled by another reader than this package's (JDK Mission Control's item API in
     * the rule plug-in), through {@link AgentEvents#read} and {@link JdkEvents#readPlain}.
     */
    public static Recording named(String name) {
        return new Recording(Path.of(name), false);
    }

    /** Whether this recording is filled live: detectors then judge on the caller's thread alone. */
    public boolean isLive() {
        return live;
    }

    /**
     * Forgets the series whose last sample is older than {@code nanos} before the newest event:
     * buffers that died or stopped being described, so a live recording's memory stays bounded.
     */
    public void forgetSeriesQuietFor(long nanos) {
        long now = lastEventNanos;
        series.values().removeIf(s -> s.samples.size() > 0 && now - s.samples.lastTime() > nanos);
    }

    /** A buffer by the agent's id, or a launch site by name: a key built without formatting, as it is built per event. */
    record SeriesKey(BufferSeries.Subject subject, long id, String name) {
        // Written out: a record's own hashCode and equals go through method handles, slow until
        // compiled, and these run for every sample of a recording that is read once.
        @Override
        public int hashCode() {
            return (subject.ordinal() * 31 + Long.hashCode(id)) * 31 + (name == null ? 0 : name.hashCode());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SeriesKey k && k.subject == subject && k.id == id && Objects.equals(k.name, name);
        }
    }

    BufferSeries series(BufferSeries.Subject subject, long id) {
        return series.computeIfAbsent(new SeriesKey(subject, id, null), k -> new BufferSeries(subject, id, false));
    }

    /** Numbers of named series, never reused: a live recording forgets series. */
    private long namedSeries;

    /** A series known by name (a launch site), numbered in the order first seen. */
    BufferSeries series(BufferSeries.Subject subject, String name) {
        return series.computeIfAbsent(new SeriesKey(subject, 0, name),
                k -> new BufferSeries(subject, ++namedSeries, true));
    }

    /** Objects JFR's old-object sampler found alive at the end, by type and allocation line. */
    final RetainedObjects retained = new RetainedObjects();

    public RetainedObjects retained() {
        return retained;
    }

    /** Live objects of each type over time, from heap histograms, and where each type is allocated. */
    final ObjectPopulations populations = new ObjectPopulations();

    public ObjectPopulations populations() {
        return populations;
    }

    /** The application lines that started threads ({@code jdk.ThreadStart} with stack traces). */
    final SiteTally threadStarts = new SiteTally();
    /** The worker pools seen in the JDK's events, read without the agent. */
    final WorkerPools workerPools = new WorkerPools();

    public WorkerPools workerPools() {
        return workerPools;
    }

    public SiteTally threadStarts() {
        return threadStarts;
    }

    /** Distinct blocked stages kept at most: beyond it, waits are still counted in {@link #blockedElsewhere}. */
    static final int MAX_BLOCKED_STAGES = 1000;
    final Map<String, RefusalSite> refusalSites = new LinkedHashMap<>();
    final Map<String, BlockedStage> blockedStages = new LinkedHashMap<>();
    long blockedElsewhereNanos;

    public Collection<RefusalSite> refusalSites() {
        return refusalSites.values();
    }

    /** Blocked-write time from lines beyond the {@value #MAX_BLOCKED_STAGES} kept apart. */
    public double blockedElsewhereSeconds() {
        return blockedElsewhereNanos / 1e9;
    }

    public Collection<BlockedStage> blockedStages() {
        return blockedStages.values();
    }

    long eventsRead;
    /** Agent events that could not be read (a field missing or of another type), and why the first could not. */
    long unreadableEvents;
    String firstUnreadable;

    void unreadable(String eventType, RuntimeException why) {
        if (unreadableEvents++ == 0) {
            firstUnreadable = eventType + ": " + RecordingReader.oneLine(why);
        }
    }

    /** Agent events that could not be read: a field missing or of another type. */
    public long unreadableEvents() {
        return unreadableEvents;
    }

    /** Why the first unreadable agent event could not be read; null when none. */
    public String firstUnreadable() {
        return firstUnreadable;
    }

    /** The type last added to {@link #eventTypesSeen}: events come in runs of a type, and the names are constants. */
    private String lastTypeSeen;

    void saw(String eventType, long epochNanos) {
        eventsRead++;
        if (eventType != lastTypeSeen) {
            eventTypesSeen.add(eventType);
            lastTypeSeen = eventType;
        }
        firstEventNanos = Math.min(firstEventNanos, epochNanos);
        lastEventNanos = Math.max(lastEventNanos, epochNanos);
    }

    /**
     * Takes in what was read from a later chunk of the same recording (chunks are read apart and
     * taken in in file order), as if it had been read here.
     */
    void absorb(Recording later) {
        later.series.forEach((key, part) -> series.computeIfAbsent(key,
                k -> new BufferSeries(part.subject, part.named ? series.size() + 1 : part.id, part.named)).absorb(part));
        later.refusalSites.forEach((key, part) -> refusalSites.computeIfAbsent(key,
                k -> new RefusalSite(part.site, part.calledMethod)).absorb(part));
        later.blockedStages.forEach((key, part) -> {
            BlockedStage stage = blockedStages.get(key);
            if (stage != null) {
                stage.absorb(part);
            } else if (blockedStages.size() < MAX_BLOCKED_STAGES) {
                blockedStages.put(key, part);
            } else {
                blockedElsewhereNanos += part.totalNanos;
            }
        });
        blockedElsewhereNanos += later.blockedElsewhereNanos;
        retained.absorb(later.retained);
        populations.absorb(later.populations);
        threadStarts.absorb(later.threadStarts);
        workerPools.absorb(later.workerPools);
        eventTypesSeen.addAll(later.eventTypesSeen);
        eventsRead += later.eventsRead;
        if (unreadableEvents == 0) {
            firstUnreadable = later.firstUnreadable;
        }
        unreadableEvents += later.unreadableEvents;
        firstEventNanos = Math.min(firstEventNanos, later.firstEventNanos);
        lastEventNanos = Math.max(lastEventNanos, later.lastEventNanos);
        agentVersion = later.agentVersion != null ? later.agentVersion : agentVersion;
        schemaVersion = Math.max(schemaVersion, later.schemaVersion);
        agentWarnings = Math.max(agentWarnings, later.agentWarnings);
        untrackedBuffers = Math.max(untrackedBuffers, later.untrackedBuffers);
        skippedPeriods = Math.max(skippedPeriods, later.skippedPeriods);
        lostDataBytes += later.lostDataBytes;
        heapAfterGc.append(later.heapAfterGc);
        heapMaxBytes = later.heapMaxBytes >= 0 ? later.heapMaxBytes : heapMaxBytes;
        jvmStartNanos = jvmStartNanos >= 0 ? jvmStartNanos : later.jvmStartNanos;
        threads.append(later.threads);
    }

    /** What of the file was damaged and left out, one line each; empty when all of it was read. */
    public List<String> damage() {
        return List.copyOf(damage);
    }

    public boolean unfinished() {
        return unfinished;
    }

    public Collection<BufferSeries> series() {
        return series.values();
    }

    /** Sorts every series now, so that detectors can read them from several threads (see {@link SampleSeries#sortIfNeeded()}). */
    public void sortSamples() {
        series.values().forEach(s -> s.samples.sortIfNeeded());
        heapAfterGc.sortIfNeeded();
        threads.sortIfNeeded();
    }

    public List<BufferSeries> series(BufferSeries.Subject subject) {
        List<BufferSeries> result = new ArrayList<>();
        for (BufferSeries s : series.values()) {
            if (s.subject == subject) {
                result.add(s);
            }
        }
        return result;
    }

    /** Whether any event of this type is in the recording. */
    /** When the newest event was recorded, in epoch nanoseconds. */
    public long lastEventNanos() {
        return lastEventNanos;
    }

    public boolean has(String eventType) {
        return eventTypesSeen.contains(eventType);
    }

    public boolean agentPresent() {
        return agentVersion != null;
    }

    public String agentVersion() {
        return agentVersion;
    }

    public long agentWarnings() {
        return agentWarnings;
    }

    /** Periods the agent wrote no samples for because sampling was late. */
    public long skippedPeriods() {
        return skippedPeriods;
    }

    public long untrackedBuffers() {
        return untrackedBuffers;
    }

    public long lostDataBytes() {
        return lostDataBytes;
    }

    /** Heap used after each collection (depth column; the other two are unused). */
    public SampleSeries heapAfterGc() {
        return heapAfterGc;
    }

    public SampleSeries threads() {
        return threads;
    }

    /** The maximum heap size, or -1 when the recording does not say. */
    public long heapMaxBytes() {
        return heapMaxBytes;
    }

    /**
     * When the JVM started, in nanoseconds since the epoch, or -1 when the recording does not say
     * (jdk.JVMInformation disabled): the JVM's warm-up is counted from there, so a recording that
     * began late (the agent's live one, one started by attach) judges the same window.
     */
    public long jvmStartNanos() {
        return jvmStartNanos;
    }

    /** Time of the first event read, in nanoseconds since the epoch. */
    public long startNanos() {
        return firstEventNanos == Long.MAX_VALUE ? 0 : firstEventNanos;
    }

    /**
     * Seconds into the recording of a moment given as seconds since {@code series} began (null stays
     * null): where in the recording a series' evidence first held.
     */
    public Double secondsIntoRecording(SampleSeries series, Double secondsSinceSeriesStart) {
        return secondsSinceSeriesStart == null ? null
                : (series.time(0) - startNanos()) / 1e9 + secondsSinceSeriesStart;
    }

    /** Time of the last event read, in nanoseconds since the epoch (0 when none). */
    public long lastNanos() {
        return lastEventNanos == Long.MIN_VALUE ? 0 : lastEventNanos;
    }

    public double durationSeconds() {
        return lastEventNanos > firstEventNanos ? (lastEventNanos - firstEventNanos) / 1e9 : 0;
    }
}

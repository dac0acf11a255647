package io.manometer.analyzer.reading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/** What the analyzer keeps of one recording: compact per-buffer series and a few facts. */
public final class Recording {
    public final Path file;
    final Map<String, BufferSeries> series = new LinkedHashMap<>();
    final Set<String> eventTypesSeen = new HashSet<>();
    long firstEventNanos = Long.MAX_VALUE;
    long lastEventNanos = Long.MIN_VALUE;
    String agentVersion;
    int schemaVersion;
    long agentWarnings;
    long untrackedBuffers;
    long lostDataBytes;
    /** Heap used right after each garbage collection: what the application really keeps. */
    final SampleSeries heapAfterGc = new SampleSeries();
    long heapMaxBytes = -1;
    /** Live threads (depth), threads ever started (in) and ended (out), once a second by default. */
    final SampleSeries threads = new SampleSeries();

    Recording(Path file) {
        this.file = file;
    }

    BufferSeries series(BufferSeries.Subject subject, long id) {
        return series.computeIfAbsent(subject.label + ":" + id, k -> new BufferSeries(subject, id));
    }

    /** A series known by name (a launch site), numbered in the order first seen. */
    BufferSeries series(BufferSeries.Subject subject, String name) {
        return series.computeIfAbsent(subject.label + ":" + name, k -> new BufferSeries(subject, series.size() + 1));
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

    void saw(String eventType, long epochNanos) {
        eventsRead++;
        eventTypesSeen.add(eventType);
        firstEventNanos = Math.min(firstEventNanos, epochNanos);
        lastEventNanos = Math.max(lastEventNanos, epochNanos);
    }

    public Collection<BufferSeries> series() {
        return series.values();
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

    /** Time of the first event read, in nanoseconds since the epoch. */
    public long startNanos() {
        return firstEventNanos == Long.MAX_VALUE ? 0 : firstEventNanos;
    }

    public double durationSeconds() {
        return lastEventNanos > firstEventNanos ? (lastEventNanos - firstEventNanos) / 1e9 : 0;
    }
}

package io.manometer.analyzer.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live objects of each type over time, from JFR's heap histograms ({@code jdk.ObjectCount},
 * taken each period when enabled, as {@code jfr/manometer.jfc} does; {@code jdk.ObjectCountAfterGC})
 * and where each type is allocated, from JFR's allocation samples. Needs no agent: a backlog shows as
 * a population of one work type that only climbs, allocated at one line of the application.
 */
public final class ObjectPopulations {
    /** Types kept apart at most: a histogram lists only types over 0.5 % of the heap, 200 at most. */
    static final int MAX_TYPES = 500;

    /** The instances and bytes of one type, each histogram; and where the type was allocated. */
    public static final class Population {
        final String type;
        /** Instances (depth) at each histogram. */
        final SampleSeries count = new SampleSeries();
        /** Bytes (depth) at each histogram. */
        final SampleSeries bytes = new SampleSeries();

        Population(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }

        public SampleSeries count() {
            return count;
        }

        public SampleSeries bytes() {
            return bytes;
        }
    }

    private final Map<String, Population> populations = new LinkedHashMap<>();
    private final Map<String, SiteTally> allocations = new LinkedHashMap<>();
    /** A histogram's events are written within milliseconds of each other; histograms, seconds apart. */
    static final long SAME_HISTOGRAM_NANOS = 200_000_000L;
    /** When each type's count was written, to tell the histograms apart. */
    private long[] written = new long[256];
    private int writtenCount;

    void count(String type, long epochNanos, long instances, long totalBytes) {
        type = RetainedObjects.readable(type);
        Population p = populations.get(type);
        if (p == null) {
            if (populations.size() >= MAX_TYPES) {
                return;
            }
            p = new Population(type);
            populations.put(type, p);
        }
        p.count.add(epochNanos, instances, 0, 0);
        p.bytes.add(epochNanos, totalBytes, 0, 0);
        written(epochNanos);
    }

    private void written(long epochNanos) {
        if (writtenCount == written.length) {
            written = java.util.Arrays.copyOf(written, writtenCount * 2);
        }
        written[writtenCount++] = epochNanos;
    }

    void allocated(String type, String site, java.util.function.Supplier<String> stack, long weight) {
        type = RetainedObjects.readable(type);
        SiteTally tally = allocations.get(type);
        if (tally == null) {
            if (allocations.size() >= MAX_TYPES) {
                return;
            }
            tally = new SiteTally();
            allocations.put(type, tally);
        }
        tally.add(site, stack, weight);
    }

    void absorb(ObjectPopulations later) {
        later.populations.forEach((type, part) -> {
            Population p = populations.get(type);
            if (p == null && populations.size() < MAX_TYPES) {
                populations.put(type, part);
            } else if (p != null) {
                p.count.append(part.count);
                p.bytes.append(part.bytes);
            }
        });
        later.allocations.forEach((type, part) -> {
            SiteTally t = allocations.get(type);
            if (t == null && allocations.size() < MAX_TYPES) {
                allocations.put(type, part);
            } else if (t != null) {
                t.absorb(part);
            }
        });
        for (int i = 0; i < later.writtenCount; i++) {
            written(later.written[i]);
        }
    }

    /** When each heap histogram began, in order. */
    private long[] histogramStarts() {
        long[] times = java.util.Arrays.copyOf(written, writtenCount);
        java.util.Arrays.sort(times);
        long[] starts = new long[times.length];
        int n = 0;
        for (int i = 0; i < times.length; i++) {
            if (i == 0 || times[i] - times[i - 1] > SAME_HISTOGRAM_NANOS) {
                starts[n++] = times[i];
            }
        }
        return java.util.Arrays.copyOf(starts, n);
    }

    /** Heap histograms in the recording. */
    public int histograms() {
        return histogramStarts().length;
    }

    /** The types listed in the last histogram: those still over JFR's threshold at the end. */
    public List<Population> atTheEnd() {
        long[] starts = histogramStarts();
        List<Population> present = new ArrayList<>();
        for (Population p : populations.values()) {
            p.count.sortIfNeeded();
            p.bytes.sortIfNeeded();
            if (starts.length > 0 && p.count.lastTime() >= starts[starts.length - 1]) {
                present.add(p);
            }
        }
        return present;
    }

    /** Where {@code type} was allocated, by JFR's allocation samples; empty when none was sampled. */
    public SiteTally allocationsOf(String type) {
        return allocations.getOrDefault(type, new SiteTally());
    }
}

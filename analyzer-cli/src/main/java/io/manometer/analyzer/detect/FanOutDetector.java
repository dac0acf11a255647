package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import java.util.Set;

/**
 * Asynchronous work launched from one line faster than it completes, with nothing limiting how
 * much is in flight: the {@code Promise.all} over every id, the loop that launches without waiting.
 * A limit (a Semaphore, a bounded pool) makes in-flight plateau, which is not growth.
 */
public final class FanOutDetector extends GrowthDetector {
    public static final String ID = "fan-out";

    public FanOutDetector() {
        super(new Preference("minGrowth", 200, "tasks in flight must grow by this many, and hold at the end, to matter"),
                new Preference("largeInFlight", 10_000, "this much in flight scores higher"));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Async work in flight from one call site that keeps growing (unbounded fan-out, early-ack worker)";
    }

    @Override
    public Set<String> requiredEvents() {
        return Set.of(EventNames.ASYNC_LAUNCH_SAMPLE, EventNames.AGENT_INFO);
    }

    @Override
    boolean covers(BufferSeries series) {
        return series.subject == BufferSeries.Subject.LAUNCH_SITE;
    }

    @Override
    Naming naming(Recording recording, BufferSeries series, Preferences p) {
        return new Naming(drainedSourceOf(recording, series, p) != null ? "early-ack-launch" : "unbounded-fan-out",
                "tasks");
    }
}

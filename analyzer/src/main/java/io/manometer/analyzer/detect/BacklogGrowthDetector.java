package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import io.manometer.stats.GrowthEvidence;
import java.util.List;
import java.util.Set;

/**
 * An unbounded queue or executor backlog that keeps growing: the producer outruns the consumer and
 * nothing makes it wait. When whoever feeds it is itself draining another queue, it is the worker
 * that acknowledges early.
 */
public final class BacklogGrowthDetector extends GrowthDetector {
    public static final String ID = "backlog-growth";

    public BacklogGrowthDetector() {
        super(ID, Set.of(EventNames.QUEUE_SAMPLE, EventNames.EXECUTOR_SAMPLE),
                List.of("queue-backlog", "executor-backlog", "early-ack"), new Preference("minGrowth", 200),
                new Preference("largeBacklog", 100_000), SCHEDULED_OVERDUE);
    }

    static final Preference SCHEDULED_OVERDUE = new Preference("scheduledOverdueSeconds", 1);

    @Override
    GrowthEvidence.Verdict growth(BufferSeries series, HeapContext heap, Preferences p) {
        if (series.isScheduled()) {
            // Timeouts and delayed jobs pile up by design (a cancelled one stays until its time).
            Double overdue = series.oldestWaitSeconds();
            if (overdue == null || overdue < p.get(this, SCHEDULED_OVERDUE)) {
                return null;
            }
        }
        return super.growth(series, heap, p);
    }

    @Override
    boolean covers(BufferSeries series) {
        return series.subject == BufferSeries.Subject.QUEUE || series.subject == BufferSeries.Subject.EXECUTOR;
    }

    @Override
    Naming naming(Recording recording, BufferSeries series, Preferences p) {
        if (series.subject == BufferSeries.Subject.QUEUE) {
            return new Naming("queue-backlog", "elements");
        }
        return new Naming(drainedSourceOf(recording, series, p) != null ? "early-ack" : "executor-backlog", "tasks");
    }
}

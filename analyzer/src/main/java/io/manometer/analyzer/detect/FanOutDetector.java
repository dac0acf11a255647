package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.SampleSeries;
import io.manometer.stats.SeriesWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Asynchronous work launched from one line faster than it completes, with nothing limiting how
 * much is in flight: the {@code Promise.all} over every id, the loop that launches without waiting.
 * A limit (a Semaphore, a bounded pool) makes in-flight plateau, which is not growth.
 */
public final class FanOutDetector extends GrowthDetector {
    public static final String ID = "fan-out";

    public FanOutDetector() {
        super(ID, Set.of(EventNames.ASYNC_LAUNCH_SAMPLE, EventNames.AGENT_INFO),
                List.of("unbounded-fan-out", "early-ack-launch", LIMITED), new Preference("minGrowth", 200),
                new Preference("largeInFlight", 10_000), MIN_LIMITED_LAUNCHES);
    }

    @Override
    boolean covers(BufferSeries series) {
        return series.subject == BufferSeries.Subject.LAUNCH_SITE;
    }

    static final Preference MIN_LIMITED_LAUNCHES = new Preference("minLimitedLaunches", 100);

    private static final String LIMITED = "fan-out-limited";

    /** Growth findings, and at info level the sites whose in-flight work sits at a limit. */
    @Override
    public List<Finding> detect(Recording recording, Preferences p) {
        List<Finding> findings = new ArrayList<>(super.detect(recording, p));
        HeapContext heap = HeapContext.of(recording, p.get(this, GrowthPreferences.WARMUP));
        if (heap != null && heap.growing()) {
            // A plateau while the heap fills is no working limit: something ran out (connections,
            // file descriptors) while what waits for it piles up; heap-growth says so.
            return findings;
        }
        for (BufferSeries series : recording.series(BufferSeries.Subject.LAUNCH_SITE)) {
            if (growth(series, null, p) == null) { // a launch site has no bound: the heap's pace does not enter
                Finding limited = limited(recording, series, p);
                if (limited != null) {
                    findings.add(limited);
                }
            }
        }
        return findings;
    }

    /**
     * A working limit: after warm-up, many launches, and in-flight work at or near its peak in most
     * of the later samples (the launcher waits for a permit). The limit is the backpressure.
     */
    private Finding limited(Recording recording, BufferSeries series, Preferences p) {
        SampleSeries samples = series.samples;
        SeriesWindow window = SeriesWindow.afterWarmup(samples, p.get(this, GrowthPreferences.WARMUP));
        int n = samples.size();
        int from = window.from();
        if (window.count() < p.get(this, GrowthPreferences.MIN_SAMPLES) || samples.peakDepth() < 2) {
            return null;
        }
        long launched = samples.in(n - 1) - samples.in(from);
        if (launched < p.get(this, MIN_LIMITED_LAUNCHES)) {
            return null;
        }
        double[] values = window.values();
        int later = values.length / 2;
        int atLimit = 0;
        for (int i = later; i < values.length; i++) {
            if (values[i] >= 0.8 * samples.peakDepth()) {
                atLimit++;
            }
        }
        if (atLimit < 0.8 * (values.length - later)) {
            return null;
        }
        double duration = window.durationSeconds();
        double inRate = launched / duration;
        double outRate = (samples.out(n - 1) - samples.out(from)) / duration;
        String site = series.site();
        return Finding.of(id(), LIMITED)
                .score(25)
                .subject(series.type(), series.id)
                .site(site)
                .creation("", series.creationStack())
                .producer(site, series.producerStack())
                .text(Messages.format(LIMITED + ".summary", samples.peakDepth(), site),
                        Messages.format(LIMITED + ".explanation", inRate, outRate, samples.peakDepth(), series.type()),
                        Messages.format(LIMITED + ".solution"))
                .metrics(Finding.Metrics.builder()
                        .levels(samples.peakDepth(), samples.lastDepth(), -1)
                        .rates(inRate, outRate)
                        .window(duration, window.count())
                        .build())
                .evidence(recording.file.toString(), Chart.of(samples, "tasks", recording.heapAfterGc()))
                .build();
    }

    @Override
    Naming naming(Recording recording, BufferSeries series, Preferences p) {
        return new Naming(drainedSourceOf(recording, series, p) != null ? "early-ack-launch" : "unbounded-fan-out",
                "tasks");
    }
}

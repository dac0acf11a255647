package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.SampleSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A bounded buffer that is full much of the time: its producers are being made to wait (or are
 * refused). That is backpressure working, not missing; it is reported at info level because it
 * names the pipeline's bottleneck: the stage that drains this buffer.
 */
public final class BackpressureEngagedDetector implements Detector {
    public static final String ID = "backpressure-engaged";

    static final Preference MIN_FRACTION = new Preference("minFractionFull", 0.5,
            "share of samples in which the buffer was full before it is reported");
    static final Preference MIN_SAMPLES = new Preference("minSamples", 5, "samples needed");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Bounded queue or executor often full: backpressure at work, and the stage draining it is the bottleneck";
    }

    @Override
    public Set<String> requiredEvents() {
        return Set.of(EventNames.QUEUE_SAMPLE, EventNames.EXECUTOR_SAMPLE);
    }

    @Override
    public List<Preference> preferences() {
        return List.of(MIN_FRACTION, MIN_SAMPLES);
    }

    @Override
    public List<Finding> detect(Recording recording, Preferences p) {
        List<Finding> findings = new ArrayList<>();
        for (BufferSeries series : recording.series()) {
            SampleSeries samples = series.samples;
            int n = samples.size();
            if (!series.isBounded() || n < p.get(this, MIN_SAMPLES)
                    || series.fractionAtCapacity() < p.get(this, MIN_FRACTION)) {
                continue;
            }
            double duration = (samples.time(n - 1) - samples.time(0)) / 1e9;
            Double outRate = duration <= 0 || samples.out(n - 1) < 0 ? null
                    : (samples.out(n - 1) - samples.out(0)) / duration;
            boolean executor = series.subject == BufferSeries.Subject.EXECUTOR;
            String unit = executor ? "tasks" : "elements";
            String site = series.site().isEmpty() ? "(creation site not captured)" : series.site();
            String summary = Messages.format("backpressure.summary", series.type().substring(series.type().lastIndexOf('.') + 1),
                    series.capacity(), unit, 100 * series.fractionAtCapacity(), site);
            String explanation = Messages.format(outRate == null ? "backpressure.explanation.no-rate"
                    : "backpressure.explanation", outRate == null ? 0 : outRate, unit, series.refused());
            Finding.Metrics metrics = new Finding.Metrics(0, 0, samples.peakDepth(), samples.lastDepth(),
                    series.capacity(), null, outRate, duration, n, null, null, null,
                    Finding.Metrics.estimatedWait(samples.lastDepth(), outRate));
            int score = 30;
            findings.add(new Finding(ID, ID, Severity.ofScore(score), score, site, series.createdBy(), series.type(),
                    series.id, series.producerSite(), summary, explanation, Messages.format("backpressure.solution"),
                    metrics, series.creationStack(), series.producerStack(), recording.file.toString(), Chart.of(samples, unit, recording.heapAfterGc())));
        }
        return findings;
    }
}

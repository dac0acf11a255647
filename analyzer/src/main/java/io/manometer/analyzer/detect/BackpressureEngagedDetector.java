package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.BlockedStage;
import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.SampleSeries;
import io.manometer.schema.EventSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A bounded buffer that is full much of the time: its producers are being made to wait (or are
 * refused). That is backpressure working, not missing; it is reported at info level because it
 * names the pipeline's bottleneck: the stage that drains this buffer.
 *
 * <p>Unless nothing drains it at all: a full buffer whose consumers took nothing for a long
 * stretch (a dead, deadlocked or hung consumer) is not a slow stage but a stall, reported as
 * {@code consumer-stalled} at warning with how long nothing moved.
 */
public final class BackpressureEngagedDetector extends DeclaredDetector {
    public static final String ID = "backpressure-engaged";

    static final Preference MIN_FRACTION = new Preference("minFractionFull", 0.5);
    static final Preference MIN_SAMPLES = new Preference("minSamples", 5);
    static final Preference MIN_BLOCKED = new Preference("minBlockedSeconds", 1);
    static final Preference MIN_STALL = new Preference("minStallSeconds", 10);
    private static final String WRITER_BLOCKED = "writer-blocked";
    public static final String CONSUMER_STALLED = "consumer-stalled";

    public BackpressureEngagedDetector() {
        super(ID, Set.of(EventNames.QUEUE_SAMPLE, EventNames.EXECUTOR_SAMPLE, EventNames.SOCKET_WRITE,
                EventNames.FILE_WRITE, EventNames.MONITOR_WAIT, EventNames.THREAD_PARK), List.of(ID, CONSUMER_STALLED,
                WRITER_BLOCKED), List.of(MIN_FRACTION, MIN_SAMPLES, MIN_BLOCKED, MIN_STALL),
                // The levels of the bounded buffer (or the waits counted); its drain and the waits there.
                List.of(Figure.PEAK_DEPTH, Figure.FINAL_DEPTH, Figure.CAPACITY, Figure.IN_PER_SECOND,
                        Figure.OUT_PER_SECOND, Figure.DURATION_SECONDS, Figure.SAMPLES, Figure.ESTIMATED_WAIT_SECONDS,
                        Figure.OLDEST_WAIT_SECONDS));
    }

    @Override
    public List<Finding> detect(Recording recording, Preferences p) {
        List<Finding> findings = new ArrayList<>();
        Set<String> explained = new java.util.HashSet<>();
        for (BufferSeries series : recording.series()) {
            SampleSeries samples = series.samples;
            int n = samples.size();
            if (!series.isBounded() || n < 2) {
                continue;
            }
            double stalled = stalledSeconds(series, recording.lastNanos());
            if (stalled >= p.get(this, MIN_STALL)) {
                findings.add(stalled(recording, series, stalled));
                continue;
            }
            if (n < p.get(this, MIN_SAMPLES) || series.fractionAtCapacity() < p.get(this, MIN_FRACTION)) {
                continue;
            }
            double duration = (samples.time(n - 1) - samples.time(0)) / 1e9;
            Double outRate = duration <= 0 || samples.out(n - 1) < 0 ? null
                    : (samples.out(n - 1) - samples.out(0)) / duration;
            boolean executor = series.subject == BufferSeries.Subject.EXECUTOR;
            String unit = executor ? "tasks" : "elements";
            String site = series.site().isEmpty() ? "(creation site not captured)" : series.site();
            String summary = Messages.format(ID + ".summary", simpleName(series.type()),
                    series.capacity(), unit, 100 * series.fractionAtCapacity(), site);
            String explanation = Messages.format(ID + (outRate == null ? ".explanation.no-rate" : ".explanation"),
                    outRate == null ? 0 : outRate, unit, series.refused());
            BlockedStage blocked = blockedAt(recording, BlockedStage.Kind.BOUNDED_QUEUE, series.producerSite());
            if (blocked != null) {
                explained.add(blocked.kind().name() + " " + blocked.site());
                explanation += " " + Messages.format(ID + ".blocked", blocked.totalSeconds(), blocked.waits(),
                        blocked.site());
            }
            Figures figures = Figures.builder()
                    .levels(samples.peakDepth(), samples.lastDepth(), series.capacity())
                    .rates(null, outRate)
                    .window(duration, n)
                    .waits(Figures.estimatedWait(samples.lastDepth(), outRate), series.oldestWaitSeconds())
                    .build();
            findings.add(Finding.of(ID, ID)
                    .score(30)
                    .subject(series.type(), series.id)
                    .site(site)
                    .creation(series.createdBy(), series.creationStack())
                    .producer(series.producerSite(), series.producerStack())
                    .text(summary, explanation, Messages.format(ID + ".solution"))
                    .figures(figures)
                    .evidence(recording.file.toString(), Chart.of(samples, unit, recording.heapAfterGc()))
                    .build());
        }
        for (BlockedStage stage : recording.blockedStages()) {
            if (stage.totalSeconds() >= p.get(this, MIN_BLOCKED) && !explained.contains(stage.kind().name() + " " + stage.site())) {
                findings.add(blockedWriters(recording, stage));
            }
        }
        return findings;
    }

    /**
     * How long the buffer has been full while its consumers took nothing: 0 unless it is full at its
     * last sample and its removals (or completed tasks) are counted. An unchanged buffer is written
     * only every few seconds, so the stall runs on after its last sample to the recording's end, as
     * far as the next write would have come.
     */
    static double stalledSeconds(BufferSeries series, long recordingEndNanos) {
        SampleSeries samples = series.samples;
        int last = samples.size() - 1;
        long drained = samples.out(last);
        if (drained < 0 || samples.depth(last) < series.capacity()) {
            return 0;
        }
        int from = last;
        while (from > 0 && samples.out(from - 1) == drained && samples.depth(from - 1) > 0) {
            from--;
        }
        long end = Math.max(samples.time(last),
                Math.min(recordingEndNanos, samples.time(last) + EventSchema.UNCHANGED_WRITTEN_EVERY_NANOS));
        return (end - samples.time(from)) / 1e9;
    }

    private Finding stalled(Recording recording, BufferSeries series, double seconds) {
        SampleSeries samples = series.samples;
        boolean executor = series.subject == BufferSeries.Subject.EXECUTOR;
        String unit = executor ? "tasks" : "elements";
        String site = series.site().isEmpty() ? "(creation site not captured)" : series.site();
        String producer = series.producerSite().isEmpty() ? site : series.producerSite();
        String summary = Messages.format(CONSUMER_STALLED + ".summary", simpleName(series.type()), series.capacity(),
                unit, seconds, site);
        String explanation = Messages.format(CONSUMER_STALLED + (executor ? ".explanation.executor" : ".explanation"),
                seconds, samples.lastDepth(), unit, producer, String.join(", ", series.producerThreadNames()),
                series.refused());
        Figures figures = Figures.builder()
                .levels(samples.peakDepth(), samples.lastDepth(), series.capacity())
                .rates(null, 0.0)
                .window(seconds, samples.size())
                .waits(null, series.oldestWaitSeconds())
                .build();
        return Finding.of(ID, CONSUMER_STALLED)
                .score(60)
                .subject(series.type(), series.id)
                .site(site)
                .creation(series.createdBy(), series.creationStack())
                .producer(series.producerSite(), series.producerStack())
                .text(summary, explanation, Messages.format(CONSUMER_STALLED + ".solution"))
                .figures(figures)
                .evidence(recording.file.toString(), Chart.of(samples, unit, recording.heapAfterGc()))
                .build();
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static BlockedStage blockedAt(Recording recording, BlockedStage.Kind kind, String site) {
        for (BlockedStage stage : recording.blockedStages()) {
            if (stage.kind() == kind && !site.isEmpty() && stage.site().equals(site)) {
                return stage;
            }
        }
        return null;
    }

    /** Writers blocked on a socket, a file, a pipe or a full queue: the stage behind it is the bottleneck. */
    private Finding blockedWriters(Recording recording, BlockedStage stage) {
        String site = stage.site().isEmpty() ? "(stack not recorded)" : stage.site();
        String summary = Messages.format(WRITER_BLOCKED + ".summary", stage.kind().label, stage.totalSeconds(),
                stage.waits(), site);
        String explanation = Messages.format(WRITER_BLOCKED + ".explanation", stage.kind().label, stage.totalSeconds(),
                stage.waits(), stage.longestSeconds(), stage.thread(), recording.durationSeconds());
        Figures figures = Figures.builder()
                .levels(stage.waits(), stage.waits(), -1)
                .window(recording.durationSeconds(), (int) Math.min(Integer.MAX_VALUE, stage.waits()))
                .build();
        return Finding.of(ID, WRITER_BLOCKED)
                .score(25)
                .subject(stage.kind().label, 0)
                .site(site)
                .producer(site, stage.stack())
                .text(summary, explanation, Messages.format(WRITER_BLOCKED + ".solution."
                        + stage.kind().name().toLowerCase(java.util.Locale.ROOT)))
                .figures(figures)
                .evidence(recording.file.toString(), null)
                .build();
    }
}

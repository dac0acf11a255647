package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.SampleSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether the application heeds a network library's "not writable": the writes it made to Netty
 * channels that had passed their high water mark, or to gRPC streams that were not ready. Most of
 * them made regardless is the signal ignored ({@code writability-ignored}: a warning once a connection
 * holds a mebibyte, before the bytes pile up enough to be judged a growth; info while none does, as
 * when a response is written in a few large pieces and drains); connections that went unwritable and whose
 * writers then waited are backpressure working ({@code backpressure-engaged}, info).
 *
 * <p>A writer that waits still makes a few such writes: those already on their way when the mark
 * was passed, and a message a codec splits in several. Hence a share, not a count.
 */
public final class WritabilityDetector extends DeclaredDetector {
    public static final String ID = "writability-ignored";
    static final String RESPECTED = "backpressure-engaged";

    static final Preference MIN_IGNORED = new Preference("minIgnoredWrites", 100);
    static final Preference MIN_SHARE = new Preference("minIgnoredShare", 0.5);
    static final Preference MANY_IGNORED = new Preference("manyIgnoredWrites", 100_000);
    static final Preference MIN_PENDING = new Preference("minConnectionPending", 1 << 20);

    public WritabilityDetector() {
        super(ID, Set.of(EventNames.OUTBOUND_SAMPLE, EventNames.AGENT_INFO), List.of(ID, RESPECTED),
                List.of(MIN_IGNORED, MIN_SHARE, MANY_IGNORED, MIN_PENDING),
                List.of(Figure.PEAK_DEPTH, Figure.FINAL_DEPTH, Figure.CAPACITY, Figure.DURATION_SECONDS,
                        Figure.SAMPLES));
    }

    /**
     * Whether the agent found the application's line outside the library's write path: then the
     * library call it made stands between the two in the stack (see the reader's createdBy).
     */
    private static boolean writtenByApplication(BufferSeries series) {
        return !series.site().isEmpty() && !series.createdBy().equals(series.site());
    }

    @Override
    public List<Finding> detect(Recording recording, Preferences p) {
        List<Finding> findings = new ArrayList<>();
        for (BufferSeries series : recording.series(BufferSeries.Subject.OUTBOUND)) {
            long writes = series.writes();
            long ignored = series.writesWhileUnwritable();
            if (writes == 0 || series.becameUnwritable() == 0) {
                continue;
            }
            double share = (double) ignored / writes;
            boolean ignoring = ignored >= p.get(this, MIN_IGNORED) && share >= p.get(this, MIN_SHARE);
            if (!ignoring && !writtenByApplication(series)) {
                continue; // the library's own writes heeding its own signal (gRPC's HTTP/2 framing): not news
            }
            String kind = ignoring ? ID : RESPECTED;
            String site = series.site().isEmpty() ? "(site not captured)" : series.site();
            SampleSeries samples = series.samples;
            int n = samples.size();
            double duration = n < 2 ? 0 : (samples.time(n - 1) - samples.time(0)) / 1e9;
            String variant = "." + series.transport();
            String key = ignoring ? ID : "writability-respected";
            String summary = Messages.format(key + ".summary" + variant, ignored, writes, 100 * share, site,
                    series.connections(), series.becameUnwritable());
            String explanation = Messages.format(key + ".explanation" + variant, ignored, writes, 100 * share,
                    series.becameUnwritable(), samples.peakDepth(), samples.lastDepth(), series.connections());
            // A response written in a few large pieces without a look at isWritable() passes the
            // mark and drains: worth knowing; a warning once a connection piles up real memory.
            boolean piledUp = series.maxConnectionPending() >= p.get(this, MIN_PENDING);
            if (ignoring && !piledUp) {
                explanation += " " + Messages.format(ID + ".bounded", series.maxConnectionPending());
            }
            String solution = Messages.format(key + ".solution" + variant);
            Figures figures = Figures.builder()
                    .levels(samples.peakDepth(), samples.lastDepth(), -1)
                    .window(duration, n)
                    .build();
            int score = !ignoring || !piledUp ? 30 : ignored >= p.get(this, MANY_IGNORED) ? 80 : 60;
            findings.add(Finding.of(ID, kind)
                    .score(score)
                    .subject(series.type(), series.id)
                    .site(site)
                    .creation(series.createdBy(), series.creationStack())
                    .producer(series.producerSite(), series.producerStack())
                    .text(summary, explanation, solution)
                    .figures(figures)
                    .evidence(recording.file.toString(), null)
                    .build());
        }
        return findings;
    }
}

package io.manometer.analyzer;

import io.manometer.analyzer.detect.Analysis;
import io.manometer.analyzer.detect.DetectorRegistry;
import io.manometer.analyzer.detect.Preferences;
import io.manometer.analyzer.detect.SourceFrame;
import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.RecordingReadException;
import io.manometer.analyzer.reading.RecordingReader;
import io.manometer.analyzer.report.RecordingResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The analyzer as a library: reads a recording, runs every detector over it and returns what it
 * found, for the caller to render or judge (the CLI, a build plugin, a test extension). It prints
 * nothing and never exits.
 */
public final class Analyzer {
    private final Analysis analysis;
    private final RecordingReader reader;

    /** With every shipped detector at its default thresholds. */
    public Analyzer() {
        this(Preferences.defaults());
    }

    /** With every shipped detector, at these thresholds (see {@link Preferences#validate}). */
    public Analyzer(Preferences preferences) {
        this(new Analysis(DetectorRegistry.all(), preferences));
    }

    public Analyzer(Analysis analysis) {
        this(analysis, new RecordingReader());
    }

    /** With the reader given: {@code manometer analyze --reader jfr} reads with JFR's reader alone. */
    public Analyzer(Analysis analysis, RecordingReader reader) {
        this.analysis = analysis;
        this.reader = reader;
    }

    /** The analyzer's version, as built. */
    public static String version() {
        try (InputStream in = Analyzer.class.getResourceAsStream("/io/manometer/analyzer/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    public AnalysedRecording analyse(Path file) throws RecordingReadException {
        return analyse(reader.read(file));
    }

    public AnalysedRecording analyse(Path file, RecordingReader.Progress progress) throws RecordingReadException {
        return analyse(reader.read(file, progress));
    }

    /** Judges a recording already read (or, later, one filled in live). */
    public AnalysedRecording analyse(Recording recording) {
        List<String> gaps = gaps(recording);
        List<String> notes = new ArrayList<>(gaps);
        notes.addAll(otherNotes(recording));
        RecordingResult result = new RecordingResult(recording.file.toString(), null, recording.durationSeconds(),
                recording.agentPresent() ? recording.agentVersion() : null, notes, gaps, analysis.run(recording),
                !recording.damage().isEmpty());
        Map<String, Long> peaks = new HashMap<>();
        for (BufferSeries s : recording.series()) {
            if (!s.site().isEmpty()) {
                // By method, not line: an edit above the site must not make its buffer a new one.
                SourceFrame frame = SourceFrame.parse(s.site());
                String where = frame == null ? s.site() : frame.qualifiedMethod();
                peaks.merge(s.subject.label + " " + where, s.samples.peakDepth(), Math::max);
            }
        }
        return new AnalysedRecording(result, peaks);
    }

    /** What the recording did not watch: nothing lost goes unsaid, and none reads as a clean bill. */
    private List<String> gaps(Recording recording) {
        List<String> gaps = new ArrayList<>();
        for (String damage : recording.damage()) {
            gaps.add("the file is damaged: " + damage + "; what could be read was judged, and may be missing "
                    + "what the damage held");
        }
        if (recording.lostDataBytes() > 0) {
            gaps.add(String.format(Locale.ROOT, "JFR lost %,d bytes of events (jdk.DataLoss): series may have gaps",
                    recording.lostDataBytes()));
        }
        if (recording.unreadableEvents() > 0) {
            gaps.add(String.format(Locale.ROOT, "%,d manometer.* events could not be read and were left out (%s): "
                    + "written by another version of the agent, or by something else under its event names?",
                    recording.unreadableEvents(), recording.firstUnreadable()));
        }
        if (recording.untrackedBuffers() > 0) {
            gaps.add(recording.untrackedBuffers() + " buffers were not tracked: the agent's tracking limit was reached");
        }
        if (recording.skippedPeriods() > 0) {
            gaps.add(recording.skippedPeriods() + " sampling period(s) were skipped because sampling took over "
                    + "half a second (a queue's lock held for long, or the JVM starved of CPU): series have gaps");
        }
        if (!recording.agentPresent() && recording.unreadableEvents() == 0) { // else the gap above says what there was
            gaps.add(withoutTheAgent(recording));
        }
        if (recording.agentPresent() && !recording.has(EventNames.QUEUE_SAMPLE)
                && !recording.has(EventNames.EXECUTOR_SAMPLE)) {
            gaps.add("the agent was running but recorded no queue or executor samples (none reached its tracking "
                    + "threshold, their classes were loaded before the agent, or the JVM lived less than one "
                    + "sampling period)");
        }
        double sampled = longestSampledSeconds(recording);
        double window = analysis.shortestGrowthWindowSeconds();
        if (sampled >= 0 && sampled < window) {
            gaps.add(String.format(Locale.ROOT, "the agent's samples cover only %.1f s, and growth is judged over "
                    + "at least %.0f s of them: a buffer that grew meanwhile could not be told from a burst "
                    + "(record for longer)", sampled, window));
        }
        return gaps;
    }

    /**
     * What a recording without the agent's events could and could not be judged on: never a clean
     * bill, since the buffers themselves were not watched.
     */
    private String withoutTheAgent(Recording recording) {
        List<String> judged = new ArrayList<>();
        if (recording.has(EventNames.GC_HEAP_SUMMARY)) {
            judged.add("the heap kept after collections");
        }
        if (recording.has(EventNames.THREAD_STATISTICS)) {
            judged.add(recording.has(EventNames.THREAD_START) ? "live threads and the lines that start them"
                    : "live threads");
        }
        int histograms = recording.populations().histograms();
        if (histograms > 0) {
            judged.add(String.format(Locale.ROOT, "live objects by type over %d heap histograms", histograms));
        }
        return "judged without the agent (no manometer.* events: was the JVM started with "
                + "-javaagent:manometer-agent.jar?): queues, executors, async launches, byte buffers and network "
                + "buffers were not watched; " + (judged.isEmpty() ? "nothing the JDK recorded could be judged either"
                : "judged from the JDK's events: " + String.join(", ", judged))
                + (histograms > 0 ? "" : "; no heap histograms (jdk.ObjectCount): record with jfr/manometer.jfc "
                + "to have a growing backlog named by its type and line (docs/no-agent.md)");
    }

    /** The longest time any one buffer was sampled over, in seconds; -1 when none was sampled. */
    private static double longestSampledSeconds(Recording recording) {
        recording.sortSamples();
        double longest = -1;
        for (BufferSeries s : recording.series()) {
            if (s.samples.size() > 0) {
                longest = Math.max(longest, (s.samples.lastTime() - s.samples.time(0)) / 1e9);
            }
        }
        return longest;
    }

    /** What else a reader of the report must know besides the findings. */
    private static List<String> otherNotes(Recording recording) {
        List<String> notes = new ArrayList<>();
        if (recording.unfinished()) {
            notes.add("the recording was never finished (its JVM still records, or died: killed, or out of memory "
                    + "before it could dump); it was read up to its last flush, about a second before the end");
        }
        if (recording.blockedElsewhereSeconds() > 0) {
            notes.add(String.format(Locale.ROOT, "%.1f s of blocked writes came from more distinct lines than the "
                    + "analyzer keeps apart; they are counted but not attributed", recording.blockedElsewhereSeconds()));
        }
        if (recording.agentWarnings() > 0) {
            notes.add("the agent logged " + recording.agentWarnings() + " warning(s) on the application's stderr");
        }
        return notes;
    }
}

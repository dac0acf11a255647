package io.manometer.analyzer.report;

import io.manometer.analyzer.detect.DetectorResult;
import io.manometer.analyzer.detect.Figure;
import io.manometer.analyzer.detect.Figures;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/** A report for people at a terminal: worst findings first, each with where, why and what to do. */
final class TextReport {
    private static final String RESET = "\u001b[0m";
    private final boolean colour;

    TextReport(boolean colour) {
        this.colour = colour;
    }

    void write(Report report, Writer writer) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        out.println("Manometer " + report.toolVersion() + ": who is telling the producer to wait?");
        for (RecordingResult r : report.recordings()) {
            out.println();
            if (r.error() != null) {
                out.println(paint(Severity.CRITICAL, "UNREADABLE") + "  " + r.error());
                continue;
            }
            out.printf(Locale.ROOT, "%s (%.1f s recorded, %s)%n", r.file(), r.durationSeconds(),
                    r.agentVersion() == null ? "no Manometer agent events" : "agent " + r.agentVersion());
            for (String note : r.notes()) {
                out.println("  note: " + note);
            }
            for (DetectorResult d : r.detectors()) {
                if (!d.applicable()) {
                    out.println("  " + d.detector() + ": not applicable, " + d.notApplicableWhy());
                }
            }
        }
        out.println();
        if (report.findings().isEmpty()) {
            out.println(noFindings(report));
        }
        for (Finding f : report.findings()) {
            out.println(paint(f.severity(), String.format(Locale.ROOT, "%-8s", f.severity().name()))
                    + "  " + f.kind() + "  " + f.summary());
            out.println("  at        " + f.site());
            if (!f.via().isEmpty()) {
                out.println("  via       " + f.via());
            }
            if (!f.producer().isEmpty() && !f.producer().equals(f.site())) {
                out.println("  producer  " + f.producer());
            }
            out.println("  why       " + f.explanation());
            out.println("  fix       " + f.solution());
            Figures figures = f.figures();
            if (figures.get(Figure.OLDEST_WAIT_SECONDS) != null) {
                out.printf(Locale.ROOT, "  waited    the oldest waiting element has waited %.1f s (measured)%n",
                        figures.get(Figure.OLDEST_WAIT_SECONDS));
            }
            if (figures.get(Figure.ESTIMATED_WAIT_SECONDS) != null) {
                out.printf(Locale.ROOT, "  wait      an element now waits about %.1f s (backlog / drain rate)%n",
                        figures.get(Figure.ESTIMATED_WAIT_SECONDS));
            }
            if (figures.get(Figure.DETECTED_AFTER_SECONDS) != null) {
                out.printf(Locale.ROOT, "  detected  %.1f s into the recording%n",
                        figures.get(Figure.DETECTED_AFTER_SECONDS));
            }
            double trendZ = figures.getOr(Figure.TREND_Z, 0.0);
            double seconds = figures.getOr(Figure.DURATION_SECONDS, 0.0);
            long last = figures.getOr(Figure.FINAL_DEPTH, 0L);
            if (trendZ != 0) { // a growth finding: the trend is the evidence
                out.printf(Locale.ROOT, "  evidence  +%.1f/s over %.1f s (%d samples, trend z=%.1f), peak %d, last %d, "
                                + "in %s, out %s, score %d%n", figures.getOr(Figure.GROWTH_PER_SECOND, 0.0), seconds,
                        figures.getOr(Figure.SAMPLES, 0), trendZ, figures.getOr(Figure.PEAK_DEPTH, 0L), last,
                        rate(figures.get(Figure.IN_PER_SECOND)), rate(figures.get(Figure.OUT_PER_SECOND)), f.score());
            } else {
                out.printf(Locale.ROOT, "  evidence  %d counted over %.1f s, score %d%n", last, seconds, f.score());
            }
            out.println();
        }
        out.printf(Locale.ROOT, "%d finding(s): %d critical, %d warning, %d info%n", report.findings().size(),
                report.count(Severity.CRITICAL), report.count(Severity.WARNING), report.count(Severity.INFO));
        out.flush();
    }

    private static String rate(Double perSecond) {
        return perSecond == null ? "not counted" : String.format(Locale.ROOT, "%.1f/s", perSecond);
    }

    private static String noFindings(Report report) {
        boolean anyRead = false;
        boolean anyChecked = false;
        boolean anyAgent = false;
        for (RecordingResult r : report.recordings()) {
            anyRead |= r.error() == null;
            anyChecked |= r.detectors().stream().anyMatch(DetectorResult::applicable);
            anyAgent |= r.agentVersion() != null;
        }
        if (!anyRead) {
            return "No recording could be read.";
        }
        if (!anyChecked) {
            return "No findings, but nothing could be checked: the recordings hold no Manometer agent events.";
        }
        if (!anyAgent) {
            return "No findings in the JDK's own events; queues and executors were not checked: the recordings hold "
                    + "no Manometer agent events.";
        }
        if (report.recordings().stream().anyMatch(r -> r.error() == null && !r.complete())) {
            return "No findings at or above " + report.minSeverity().label() + " among what was watched, but not "
                    + "everything was (see the notes): this is not a clean bill of health.";
        }
        return "No findings at or above " + report.minSeverity().label()
                + ": every buffer recorded kept pace with its consumer.";
    }

    private String paint(Severity severity, String text) {
        if (!colour) {
            return text;
        }
        String code = switch (severity) {
            case CRITICAL -> "\u001b[1;31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
            case OK -> "\u001b[32m";
        };
        return code + text + RESET;
    }
}

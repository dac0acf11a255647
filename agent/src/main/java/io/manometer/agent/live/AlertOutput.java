package io.manometer.agent.live;

import io.manometer.agent.AgentLog;
import io.manometer.analyzer.detect.Figure;
import io.manometer.analyzer.detect.Finding;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes one line per alert, where {@code alert.log} says: stderr (the default), a file, or nowhere.
 * Rate-limited: a storm of changes costs a bounded number of lines, and the rest are counted in the
 * next line that gets through.
 */
final class AlertOutput {
    /** Lines allowed per window, and the window. */
    private static final int BURST = 10;
    private static final long WINDOW_NANOS = 10_000_000_000L;

    private final PrintStream out;
    private long windowStart;
    private int inWindow;
    private int suppressed;

    private AlertOutput(PrintStream out) {
        this.out = out;
    }

    static AlertOutput to(String destination) {
        if ("none".equalsIgnoreCase(destination)) {
            return new AlertOutput(null);
        }
        if ("stderr".equalsIgnoreCase(destination)) {
            return new AlertOutput(System.err);
        }
        try {
            PrivateFiles.createIfMissing(java.nio.file.Path.of(destination)); // owner-only when the agent makes it
            OutputStream file = new FileOutputStream(destination, true);
            return new AlertOutput(new PrintStream(file, true, StandardCharsets.UTF_8));
        } catch (IOException | SecurityException | java.nio.file.InvalidPathException e) {
            AgentLog.warn("alert.log=" + destination + " cannot be written (" + e.getMessage()
                    + "); alerts go to stderr");
            return new AlertOutput(System.err);
        }
    }

    void write(AlertStates.Transition t, String dumpFile, long uptimeMillis, long nowNanos) {
        print(line(t, dumpFile, uptimeMillis), nowNanos);
    }

    /** A line that is no finding's: a dump made because the heap is nearly full. */
    void note(String text, long nowNanos) {
        print("manometer: " + text, nowNanos);
    }

    private synchronized void print(String text, long nowNanos) {
        if (out == null) {
            return;
        }
        if (nowNanos - windowStart > WINDOW_NANOS) {
            windowStart = nowNanos;
            inWindow = 0;
        }
        if (++inWindow > BURST) {
            suppressed++;
            return;
        }
        String line = text;
        if (suppressed > 0) {
            line += " (" + suppressed + " alert line(s) suppressed before this one)";
            suppressed = 0;
        }
        out.println(line);
    }

    /** {@code manometer: CRITICAL executor-backlog at <site>: <summary>; heap limit in ~1.2 min; fix: ... [t+8.6 s]} */
    static String line(AlertStates.Transition t, String dumpFile, long uptimeMillis) {
        Finding f = t.finding();
        String when = String.format(Locale.ROOT, " [t+%.1f s]", uptimeMillis / 1000.0);
        if (t.change() == AlertStates.Change.CLEARED) {
            return "manometer: cleared " + f.kind() + " at " + f.site() + " (no longer found)" + when;
        }
        StringBuilder line = new StringBuilder("manometer: ").append(f.severity().name()).append(' ').append(f.kind())
                .append(" at ").append(f.site()).append(": ").append(f.summary());
        Double toLimit = f.figure(Figure.SECONDS_TO_HEAP_LIMIT);
        if (toLimit != null) {
            line.append(String.format(Locale.ROOT, "; heap limit in ~%.1f min", toLimit / 60));
        }
        if (t.change() == AlertStates.Change.EASED && t.before() != null) {
            line.append("; eased from ").append(t.before().severity().label()).append(": ")
                    .append(whyEased(t.before(), f));
        }
        line.append("; fix: ").append(fewWords(f.solution()));
        if (dumpFile != null) {
            line.append("; recording dumped to ").append(dumpFile);
        }
        return line.append(when).toString();
    }

    /**
     * Why a finding is less severe than it was, from its figures: the heap no longer near its limit,
     * growth slowed, or less held; the report of the same recording says the same in its words.
     */
    static String whyEased(Finding before, Finding now) {
        Double wasToLimit = before.figure(Figure.SECONDS_TO_HEAP_LIMIT);
        Double isToLimit = now.figure(Figure.SECONDS_TO_HEAP_LIMIT);
        if (wasToLimit != null && (isToLimit == null || isToLimit > 2 * wasToLimit)) {
            return "the heap no longer runs out soon";
        }
        double wasGrowth = before.figures().getOr(Figure.GROWTH_PER_SECOND, 0.0);
        double isGrowth = now.figures().getOr(Figure.GROWTH_PER_SECOND, 0.0);
        if (wasGrowth > 0 && isGrowth < 0.5 * wasGrowth) {
            return String.format(Locale.ROOT, "growth slowed from %.1f/s to %.1f/s", wasGrowth, isGrowth);
        }
        long wasHeld = before.figures().getOr(Figure.FINAL_DEPTH, 0L);
        long isHeld = now.figures().getOr(Figure.FINAL_DEPTH, 0L);
        if (isHeld < wasHeld) {
            return String.format(Locale.ROOT, "it holds less (%,d, was %,d)", isHeld, wasHeld);
        }
        return String.format(Locale.ROOT, "its evidence scores %d, was %d", now.score(), before.score());
    }

    /** The fix's first clause, lower-cased at the start: what to do, in a few words. */
    static String fewWords(String solution) {
        int end = solution.length();
        for (String stop : new String[] {": ", ". ", "; "}) {
            int at = solution.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        String clause = solution.substring(0, end);
        return clause.isEmpty() ? clause : Character.toLowerCase(clause.charAt(0)) + clause.substring(1);
    }
}

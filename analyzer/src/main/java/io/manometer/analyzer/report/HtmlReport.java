package io.manometer.analyzer.report;

import io.manometer.analyzer.detect.Chart;
import io.manometer.analyzer.detect.DetectorResult;
import io.manometer.analyzer.detect.Figure;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * One self-contained HTML page: no script, no network, styles inline, a chart per finding drawn as
 * inline SVG (the buffer over time, and the heap kept after GC over the same time when recorded).
 */
final class HtmlReport {
    void write(Report report, Writer out) throws IOException {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Manometer report</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:980px;color:#222}")
                .append("h1{font-size:1.5em}h2{font-size:1.1em;margin:0 0 .4em}")
                .append(".finding{border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;padding:1em;margin:1em 0}")
                .append(".critical{border-left-color:#c62828}.warning{border-left-color:#ef8f00}.info{border-left-color:#1e88e5}")
                .append(".badge{display:inline-block;font-weight:bold;font-size:.8em;padding:.1em .5em;border-radius:3px;")
                .append("color:#fff;margin-right:.5em}.badge.critical{background:#c62828}.badge.warning{background:#ef8f00}")
                .append(".badge.info{background:#1e88e5}table{border-collapse:collapse}td{padding:.15em .8em .15em 0;")
                .append("vertical-align:top}td:first-child{color:#666;white-space:nowrap}code{font-size:.92em}")
                .append(".note{color:#666}svg text{font-size:11px;fill:#555}</style></head><body>\n");
        h.append("<h1>Manometer ").append(esc(report.toolVersion())).append(": who is telling the producer to wait?</h1>\n");
        for (RecordingResult r : report.recordings()) {
            h.append("<p><code>").append(esc(r.file())).append("</code>: ");
            if (r.error() != null) {
                h.append("<strong>unreadable</strong>: ").append(esc(r.error())).append("</p>\n");
                continue;
            }
            h.append(String.format(Locale.ROOT, "%.1f s recorded, ", r.durationSeconds()))
                    .append(r.agentVersion() == null ? "no Manometer agent events" : "agent " + esc(r.agentVersion()))
                    .append("</p>\n");
            for (String note : r.notes()) {
                h.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
            }
            for (DetectorResult d : r.detectors()) {
                if (!d.applicable()) {
                    h.append("<p class=\"note\">").append(esc(d.detector())).append(": not applicable, ")
                            .append(esc(d.notApplicableWhy())).append("</p>\n");
                }
            }
        }
        h.append(String.format(Locale.ROOT, "<p><strong>%d finding(s)</strong>: %d critical, %d warning, %d info.</p>%n",
                report.findings().size(), report.count(Severity.CRITICAL), report.count(Severity.WARNING),
                report.count(Severity.INFO)));
        for (Finding f : report.findings()) {
            String level = f.severity().label();
            h.append("<div class=\"finding ").append(level).append("\"><h2><span class=\"badge ").append(level)
                    .append("\">").append(f.severity().name()).append("</span>").append(esc(f.kind())).append(": ")
                    .append(esc(f.summary())).append("</h2>\n<table>");
            row(h, "at", "<code>" + esc(f.site()) + "</code>");
            if (!f.via().isEmpty()) {
                row(h, "via", "<code>" + esc(f.via()) + "</code>");
            }
            if (!f.producer().isEmpty() && !f.producer().equals(f.site())) {
                row(h, "producer", "<code>" + esc(f.producer()) + "</code>");
            }
            row(h, "why", esc(f.explanation()));
            row(h, "fix", esc(f.solution()));
            if (f.figure(Figure.OLDEST_WAIT_SECONDS) != null) {
                row(h, "waited", String.format(Locale.ROOT, "the oldest waiting element has waited %.1f s",
                        f.figure(Figure.OLDEST_WAIT_SECONDS)));
            }
            if (f.figure(Figure.ESTIMATED_WAIT_SECONDS) != null) {
                row(h, "wait", String.format(Locale.ROOT, "an element now waits about %.1f s",
                        f.figure(Figure.ESTIMATED_WAIT_SECONDS)));
            }
            row(h, "score", f.score() + " of 100");
            stack(h, "creation stack", f.creationStack());
            stack(h, "producer stack", f.producerStack());
            h.append("</table>\n");
            if (f.chart() != null) {
                SvgChart.draw(h, f.chart());
            }
            h.append("</div>\n");
        }
        h.append("</body></html>\n");
        out.write(h.toString());
        out.flush();
    }

    private static void stack(StringBuilder h, String label, String frames) {
        if (!frames.isEmpty()) {
            row(h, label, "<details><summary>" + esc(frames.lines().findFirst().orElse("")) + "</summary><pre>"
                    + esc(frames) + "</pre></details>");
        }
    }

    private static void row(StringBuilder h, String label, String html) {
        h.append("<tr><td>").append(label).append("</td><td>").append(html).append("</td></tr>");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}

package io.manometer.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The corpus's scorecard, generated from the judgements, never written by hand: per category of
 * buffer and per launch, true and false positives and negatives, recall and false-positive rate
 * side by side (a rule that finds more by flagging healthy code cannot look better than it is), and
 * how often the headline named the program's own line. Markdown, for BENCHMARKS.md and the README.
 */
final class Scorecard {
    private final List<Judgement> judgements;

    Scorecard(List<Judgement> judgements) {
        this.judgements = List.copyOf(judgements);
    }

    /** The counts of one row. */
    record Row(String name, int tp, int fn, int fp, int tn, int siteOk, int notRun, int invariantBreaks) {
        int broken() {
            return tp + fn;
        }

        int healthy() {
            return fp + tn;
        }

        String recall() {
            return broken() == 0 ? "–" : percent(tp, broken());
        }

        String precision() {
            return tp + fp == 0 ? "–" : percent(tp, tp + fp);
        }

        String falsePositiveRate() {
            return healthy() == 0 ? "–" : percent(fp, healthy());
        }

        String siteRate() {
            return tp == 0 ? "–" : percent(siteOk, tp);
        }

        private static String percent(int part, int whole) {
            return String.format(Locale.ROOT, "%d %% (%d/%d)", Math.round(100.0 * part / whole), part, whole);
        }
    }

    Row total() {
        return row("all", judgements);
    }

    private static Row row(String name, List<Judgement> of) {
        int tp = 0;
        int fn = 0;
        int fp = 0;
        int tn = 0;
        int site = 0;
        int notRun = 0;
        int breaks = 0;
        for (Judgement j : of) {
            switch (j.result()) {
                case TRUE_POSITIVE -> tp++;
                case FALSE_NEGATIVE -> fn++;
                case FALSE_POSITIVE -> fp++;
                case TRUE_NEGATIVE -> tn++;
                case NOT_RUN -> notRun++;
            }
            site += j.siteAtOwnLine() ? 1 : 0;
            breaks += j.violations().isEmpty() ? 0 : 1;
        }
        return new Row(name, tp, fn, fp, tn, site, notRun, breaks);
    }

    private List<Row> rowsBy(Function<Judgement, String> key) {
        Map<String, List<Judgement>> groups = new TreeMap<>();
        judgements.forEach(j -> groups.computeIfAbsent(key.apply(j), k -> new ArrayList<>()).add(j));
        List<Row> rows = new ArrayList<>();
        groups.forEach((name, group) -> rows.add(row(name, group)));
        return rows;
    }

    String markdown(String heading) {
        StringBuilder md = new StringBuilder();
        md.append(heading).append("\n\n");
        table(md, "buffer", rowsBy(j -> j.program().shape().buffer()), row("**all**", judgements));
        md.append('\n');
        table(md, "launch", rowsBy(j -> j.program().shape().launch().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ')), row("**all**", judgements));
        List<Judgement> failing = judgements.stream().filter(j -> !j.passes() || !j.violations().isEmpty()).toList();
        if (!failing.isEmpty()) {
            md.append("\nPrograms whose label or invariants do not hold:\n\n");
            for (Judgement j : failing) {
                md.append("- `").append(j.program().name()).append("` (").append(j.program().shape().behaviour())
                        .append(", expected ").append(j.program().healthy() ? "quiet"
                                : String.join("/", j.program().shape().expect()) + " at its own line")
                        .append("): ").append(j.result().label());
                if (j.result() == Judgement.Result.TRUE_POSITIVE && !j.siteAtOwnLine()) {
                    md.append(", site ").append(j.detection().site());
                }
                md.append("; ").append(firstLine(j.detail()));
                j.violations().forEach(v -> md.append("; invariant: ").append(v));
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static void table(StringBuilder md, String by, List<Row> rows, Row total) {
        md.append("| ").append(by).append(" | broken | healthy | TP | FN | FP | TN | recall | precision | "
                + "false-positive rate | site at own line | invariants broken |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            line(md, r);
        }
        line(md, total);
    }

    private static void line(StringBuilder md, Row r) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %s | %s | %s | %s | %d |%n",
                r.name(), r.broken(), r.healthy(), r.tp(), r.fn(), r.fp(), r.tn(), r.recall(), r.precision(),
                r.falsePositiveRate(), r.siteRate(), r.invariantBreaks()));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}

package io.manometer.corpus;

import io.manometer.analyzer.detect.DetectorRegistry;
import io.manometer.analyzer.detect.Figure;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A program's label against its verdict: whether it was detected (or stayed quiet), whether the
 * headline named its own line, and which of the corpus's invariants the run broke. Pure: the
 * scorecard and the tests read the same judgement.
 */
record Judgement(CorpusProgram program, Result result, Finding detection, List<String> violations, String detail) {

    /** OWASP Benchmark's four outcomes, plus a run that produced no verdict at all. */
    enum Result {
        TRUE_POSITIVE, FALSE_NEGATIVE, FALSE_POSITIVE, TRUE_NEGATIVE, NOT_RUN;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private static final Pattern ALERT_LINE = Pattern.compile("^manometer: (WARNING|CRITICAL) (\\S+) at (.+?): ");

    /** Summaries that say a level still climbs, which only a warning or a critical finding may say. */
    private static final Pattern GROWING_WORDS = Pattern.compile("\\bgrows?\\b|\\bgrowing\\b|\\bclimbs?\\b");

    static Judgement of(CorpusRun.Outcome outcome) {
        CorpusProgram program = outcome.program();
        if (outcome.error() != null) {
            return new Judgement(program, Result.NOT_RUN, null, List.of(), outcome.error() + "\n" + outcome.process());
        }
        List<Finding> findings = outcome.findings();
        List<Finding> alarming = findings.stream().filter(f -> f.severity().atLeast(Severity.WARNING)).toList();
        Result result;
        Finding detection = null;
        if (program.healthy()) {
            result = alarming.isEmpty() ? Result.TRUE_NEGATIVE : Result.FALSE_POSITIVE;
        } else {
            Severity least = Severity.ofLabel(program.shape().severity());
            // Without the agent the buffer's own kinds cannot be told: any finding at the label's
            // severity counts (a growing population of the program's tasks, its threads, its heap).
            List<String> kinds = Arrays.asList(program.shape().expect());
            boolean agent = outcome.recorder().agent();
            List<Finding> matching = findings.stream()
                    .filter(f -> (!agent || kinds.contains(f.kind())) && f.severity().atLeast(least)).toList();
            detection = matching.stream().filter(f -> program.isOwnFrame(f.site())).findFirst()
                    .orElse(matching.isEmpty() ? null : matching.get(0));
            result = detection == null ? Result.FALSE_NEGATIVE : Result.TRUE_POSITIVE;
        }
        return new Judgement(program, result, detection, violations(outcome), describe(findings));
    }

    boolean siteAtOwnLine() {
        return detection != null && program.isOwnFrame(detection.site());
    }

    /** Whether the label holds: detected at the program's own line, or quiet. */
    boolean passes() {
        return result == Result.TRUE_NEGATIVE || result == Result.TRUE_POSITIVE && siteAtOwnLine();
    }

    /** The invariants every run must keep, whatever its label; each broken one in a line. */
    private static List<String> violations(CorpusRun.Outcome outcome) {
        List<String> violations = new ArrayList<>();
        // The live judge's last word on each finding is the offline verdict (kind, severity, site).
        Map<String, String> live = new LinkedHashMap<>();
        outcome.alerts().forEach(a -> live.put(a.kind() + " at " + a.site(), a.state()));
        live.values().removeIf("cleared"::equals);
        Map<String, String> offline = new LinkedHashMap<>();
        outcome.findings().stream().filter(f -> f.severity().atLeast(Severity.WARNING))
                .forEach(f -> offline.put(f.kind() + " at " + f.site(), f.severity().name()));
        if (outcome.recorder().agent() && !live.equals(offline)) {
            violations.add("live " + live + " differs from offline " + offline);
        }
        // An alert that eases says from what and why.
        Map<String, String> lastState = new LinkedHashMap<>();
        for (String line : outcome.process().stderr().split("\n")) {
            java.util.regex.Matcher m = ALERT_LINE.matcher(line.strip());
            if (m.find()) {
                String key = m.group(2) + " at " + m.group(3);
                if ("WARNING".equals(m.group(1)) && "CRITICAL".equals(lastState.get(key))
                        && !line.contains("; eased from ")) {
                    violations.add("an alert eased without saying why: " + line.strip());
                }
                lastState.put(key, m.group(1));
            }
        }
        // A finding carries only the figures its detector declares: what JSON, SARIF and JMC read of it.
        for (Finding f : outcome.findings()) {
            java.util.Set<Figure<?>> undeclared = new java.util.LinkedHashSet<>(f.figures().present());
            DetectorRegistry.all().stream().filter(d -> d.id().equals(f.detector()))
                    .forEach(d -> undeclared.removeAll(d.figures()));
            if (!undeclared.isEmpty()) {
                violations.add(f.kind() + " carries figures its detector does not declare: " + undeclared);
            }
        }
        // "Kept pace" is a clean bill of health: never over a program whose label says it is broken.
        if (!outcome.program().healthy() && outcome.textReport().contains("kept pace")) {
            violations.add("a broken program was reported as 'every buffer kept pace'");
        }
        // Severity never falls as harm grows: the same shape with more backlog, in flight or threads.
        Map<String, Severity> before = worstBySite(outcome.findings());
        Map<String, Severity> after = worstBySite(outcome.withMoreHarm());
        before.forEach((site, severity) -> {
            Severity worse = after.getOrDefault(site, Severity.OK);
            if (worse.compareTo(severity) < 0) {
                violations.add("with " + CorpusRun.MORE_HARM + "x the harm, " + site + " fell from " + severity.label()
                        + " to " + worse.label());
            }
        });
        // Words agree with severity: what climbs is no info.
        for (Finding f : outcome.findings()) {
            if (f.severity() == Severity.INFO && GROWING_WORDS.matcher(f.summary()).find()) {
                violations.add("info finding says it grows: " + f.kind() + ": " + f.summary());
            }
        }
        return violations;
    }

    private static Map<String, Severity> worstBySite(List<Finding> findings) {
        Map<String, Severity> worst = new LinkedHashMap<>();
        findings.forEach(f -> worst.merge(f.site(), f.severity(), (a, b) -> a.compareTo(b) >= 0 ? a : b));
        return worst;
    }

    private static String describe(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "no findings";
        }
        StringBuilder text = new StringBuilder();
        for (Finding f : findings) {
            text.append(text.isEmpty() ? "" : "; ").append(f.severity().label()).append(' ').append(f.kind())
                    .append(" at ").append(f.site());
        }
        return text.toString();
    }
}

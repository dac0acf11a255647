package io.manometer.analyzer.detect;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One problem found in one recording, with the numbers behind it. Built with {@link #of}, so each
 * detector says only what it knows: what the finding is about, its words, its evidence.
 *
 * @param detector    id of the detector that found it
 * @param kind        what kind of problem (e.g. {@code executor-backlog})
 * @param severity    info, warning or critical
 * @param score       0 to 100; severity is derived from it
 * @param site        first application frame of the creation (or producer) site
 * @param createdBy   frame that called the constructor (often a library or JDK factory)
 * @param subjectType class name of the queue or executor
 * @param subjectId   the agent's id for it, unique within the recording
 * @param producer    first application frame of a producer, where one was captured
 * @param summary     one line
 * @param explanation why it matters, with the numbers
 * @param solution    what to change
 * @param figures     the evidence: the figures of its kind, as its detector declares them (JSON: {@code metrics})
 * @param creationStack frames of the buffer's construction, innermost first, one per line (may be empty)
 * @param producerStack frames of an insert or submission into it (may be empty)
 * @param recording   file the finding comes from
 * @param chart       the series behind it, for the HTML report (not in JSON); null when there is none
 */
public record Finding(String detector, String kind, Severity severity, int score, String site, String createdBy,
                      String subjectType, long subjectId, String producer, String summary, String explanation,
                      String solution, @com.fasterxml.jackson.annotation.JsonProperty("metrics") Figures figures,
                      String creationStack, String producerStack, String recording,
                      @JsonIgnore Chart chart) {

    /** Kinds about the whole JVM: one per recording, whichever line each names this time. */
    private static final java.util.Set<String> WHOLE_JVM_KINDS = java.util.Set.of("heap-growth", "thread-growth");

    /**
     * What makes two findings, in two runs, the same problem: the kind, what it is about, and the
     * class and method of its site, but not the line, which any edit above it moves. A finding about
     * the whole JVM (heap, threads) is the same by its kind alone. Stable across builds: code-scanning
     * fingerprints and the diff gate match by it.
     */
    @com.fasterxml.jackson.annotation.JsonProperty("identity")
    public String identity() {
        if (WHOLE_JVM_KINDS.contains(kind)) {
            return kind;
        }
        SourceFrame frame = SourceFrame.parse(site);
        return kind + "|" + subjectType + "|" + (frame == null ? site : frame.qualifiedMethod());
    }

    /**
     * The library or JDK frame that made or fed the buffer on behalf of the site, shown beside it:
     * the constructor's caller when the site is where it was made, else the innermost frame of the
     * feeding stack. Empty when the site itself made or fed it.
     */
    @com.fasterxml.jackson.annotation.JsonProperty("via")
    public String via() {
        String frame = !createdBy.isEmpty() ? createdBy : innermost(producerStack);
        return frame.equals(site) || frame.equals(producer) ? "" : frame;
    }

    private static String innermost(String stack) {
        int end = stack.indexOf(io.manometer.schema.StackFrames.SEPARATOR);
        return end < 0 ? stack : stack.substring(0, end);
    }

    /** The value of one of its figures: null when its kind has none, or it was not counted. */
    public <T> T figure(Figure<T> figure) {
        return figures.get(figure);
    }

    /** A finding of {@code detector}, of this {@code kind}, to be described. */
    public static Builder of(String detector, String kind) {
        return new Builder(detector, kind);
    }

    /** Fills in a {@link Finding}; what is not said is empty (strings), 0 (ids) or absent (chart). */
    public static final class Builder {
        private final String detector;
        private final String kind;
        private int score;
        private String site = "";
        private String createdBy = "";
        private String subjectType = "";
        private long subjectId;
        private String producer = "";
        private String summary = "";
        private String explanation = "";
        private String solution = "";
        private Figures figures = Figures.none();
        private String creationStack = "";
        private String producerStack = "";
        private String recording = "";
        private Chart chart;

        private Builder(String detector, String kind) {
            this.detector = detector;
            this.kind = kind;
        }

        /** 0 to 100; the severity follows from it. */
        public Builder score(int score) {
            this.score = score;
            return this;
        }

        /** What the finding is about: a class name, and the agent's id for the instance (0 when none). */
        public Builder subject(String type, long id) {
            this.subjectType = type;
            this.subjectId = id;
            return this;
        }

        /** The application's line the finding names. */
        public Builder site(String site) {
            this.site = site;
            return this;
        }

        /** Where it was made: the frame that called the constructor, and the construction's frames. */
        public Builder creation(String createdBy, String creationStack) {
            this.createdBy = createdBy;
            this.creationStack = creationStack;
            return this;
        }

        /** Where it was fed: the producer's first application frame, and the insert's frames. */
        public Builder producer(String producer, String producerStack) {
            this.producer = producer;
            this.producerStack = producerStack;
            return this;
        }

        /** The words: one line, why it matters, what to change. */
        public Builder text(String summary, String explanation, String solution) {
            this.summary = summary;
            this.explanation = explanation;
            this.solution = solution;
            return this;
        }

        public Builder figures(Figures figures) {
            this.figures = figures;
            return this;
        }

        /** The recording the finding comes from, and the series it draws (null: no chart). */
        public Builder evidence(String recording, Chart chart) {
            this.recording = recording;
            this.chart = chart;
            return this;
        }

        public Finding build() {
            return new Finding(detector, kind, Severity.ofScore(score), score, site, createdBy, subjectType, subjectId,
                    producer, summary, explanation, solution, figures, creationStack, producerStack, recording, chart);
        }
    }
}

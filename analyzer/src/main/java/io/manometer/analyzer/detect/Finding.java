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
 * @param metrics     the evidence
 * @param creationStack frames of the buffer's construction, innermost first, one per line (may be empty)
 * @param producerStack frames of an insert or submission into it (may be empty)
 * @param recording   file the finding comes from
 * @param chart       the series behind it, for the HTML report (not in JSON); null when there is none
 */
public record Finding(String detector, String kind, Severity severity, int score, String site, String createdBy,
                      String subjectType, long subjectId, String producer, String summary, String explanation,
                      String solution, Metrics metrics, String creationStack, String producerStack, String recording,
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

    /** A finding of {@code detector}, of this {@code kind}, to be described. */
    public static Builder of(String detector, String kind) {
        return new Builder(detector, kind);
    }

    /**
     * The evidence. A figure that does not apply to a finding's kind is null (or 0 where it is a
     * primitive), never reused for another meaning.
     *
     * @param growthPerSecond robust (Theil–Sen) growth of the backlog, elements per second; 0 when not about growth
     * @param trendZ          Mann–Kendall score of the growth (above 2.33: p below 0.01)
     * @param peakDepth       largest backlog seen (for refusals: refusals counted)
     * @param finalDepth      backlog at the last sample (for refusals: refusals counted)
     * @param capacity        bound of the buffer, -1 when unbounded
     * @param inPerSecond     elements (or tasks) accepted per second over the window; null when not counted
     * @param outPerSecond    elements (or tasks) removed (or completed) per second over the window;
     *                        null when the buffer does not count them (a ForkJoinPool's completions)
     * @param durationSeconds length of the window analysed, warm-up excluded
     * @param samples         samples in that window
     * @param heap            what the heap did meanwhile, null when the recording has no GC events
     * @param secondsToHeapLimit at the heap's pace, seconds until the maximum heap; null when unknown
     * @param bytesPerElement heap growth per element of backlog growth, where both grew; null otherwise
     * @param estimatedWaitSeconds how long an element waits at the end, by Little's law (backlog over
     *                        removal rate); null when removals are not counted or none happened
     * @param detectedAfterSeconds seconds into the recording at which the evidence first held: how
     *                        early this run would have raised it; null when not a growth finding
     * @param oldestWaitSeconds how long the oldest waiting element had waited at the last sample, as
     *                        the agent measured it; null when not recorded
     * @param refusedPerSecond refusals (or rejections) discarded per second at the site; null unless the
     *                        finding is about refusals
     */
    public record Metrics(double growthPerSecond, double trendZ, long peakDepth, long finalDepth, long capacity,
                          Double inPerSecond, Double outPerSecond, double durationSeconds, int samples,
                          HeapContext heap, Double secondsToHeapLimit, Double bytesPerElement,
                          Double estimatedWaitSeconds, Double detectedAfterSeconds, Double oldestWaitSeconds,
                          Double refusedPerSecond) {

        /** Metrics to be filled in, each by what it means. */
        public static MetricsBuilder builder() {
            return new MetricsBuilder();
        }

        /** Little's law: the time an element now waits is the backlog divided by how fast it drains. */
        static Double estimatedWait(long backlog, Double outPerSecond) {
            return outPerSecond == null || outPerSecond <= 0 ? null : backlog / outPerSecond;
        }
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
        private Metrics metrics = Metrics.builder().build();
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

        public Builder metrics(Metrics metrics) {
            this.metrics = metrics;
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
                    producer, summary, explanation, solution, metrics, creationStack, producerStack, recording, chart);
        }
    }

    /** Fills in {@link Metrics}: every figure null (or 0, or -1 for an unknown capacity) until said. */
    public static final class MetricsBuilder {
        private double growthPerSecond;
        private double trendZ;
        private long peakDepth;
        private long finalDepth;
        private long capacity = -1;
        private Double inPerSecond;
        private Double outPerSecond;
        private double durationSeconds;
        private int samples;
        private HeapContext heap;
        private Double secondsToHeapLimit;
        private Double bytesPerElement;
        private Double estimatedWaitSeconds;
        private Double detectedAfterSeconds;
        private Double oldestWaitSeconds;
        private Double refusedPerSecond;

        private MetricsBuilder() {}

        /** The robust slope and its Mann–Kendall score. */
        public MetricsBuilder growth(double perSecond, double trendZ) {
            this.growthPerSecond = perSecond;
            this.trendZ = trendZ;
            return this;
        }

        /** The largest and last level, and the bound (-1: unbounded). */
        public MetricsBuilder levels(long peak, long last, long capacity) {
            this.peakDepth = peak;
            this.finalDepth = last;
            this.capacity = capacity;
            return this;
        }

        /** Accepted and removed per second; null where not counted. */
        public MetricsBuilder rates(Double in, Double out) {
            this.inPerSecond = in;
            this.outPerSecond = out;
            return this;
        }

        /** The window judged. */
        public MetricsBuilder window(double durationSeconds, int samples) {
            this.durationSeconds = durationSeconds;
            this.samples = samples;
            return this;
        }

        /** What the heap did, when it runs out at its pace, and the heap held per element. */
        public MetricsBuilder heap(HeapContext heap, Double secondsToLimit, Double bytesPerElement) {
            this.heap = heap;
            this.secondsToHeapLimit = secondsToLimit;
            this.bytesPerElement = bytesPerElement;
            return this;
        }

        /** How long an element waits: by Little's law at the end, and as the agent measured the oldest. */
        public MetricsBuilder waits(Double estimatedSeconds, Double oldestSeconds) {
            this.estimatedWaitSeconds = estimatedSeconds;
            this.oldestWaitSeconds = oldestSeconds;
            return this;
        }

        public MetricsBuilder detectedAfter(Double seconds) {
            this.detectedAfterSeconds = seconds;
            return this;
        }

        public MetricsBuilder refusedPerSecond(Double perSecond) {
            this.refusedPerSecond = perSecond;
            return this;
        }

        public Metrics build() {
            return new Metrics(growthPerSecond, trendZ, peakDepth, finalDepth, capacity, inPerSecond, outPerSecond,
                    durationSeconds, samples, heap, secondsToHeapLimit, bytesPerElement, estimatedWaitSeconds,
                    detectedAfterSeconds, oldestWaitSeconds, refusedPerSecond);
        }
    }
}

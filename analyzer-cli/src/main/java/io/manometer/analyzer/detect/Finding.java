package io.manometer.analyzer.detect;

/**
 * One problem found in one recording, with the numbers behind it.
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
                      @com.fasterxml.jackson.annotation.JsonIgnore Chart chart) {

    /**
     * @param growthPerSecond robust (Theil–Sen) growth of the backlog, elements per second
     * @param trendZ          Mann–Kendall score of the growth (above 2.33: p below 0.01)
     * @param peakDepth       largest backlog seen
     * @param finalDepth      backlog at the last sample
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
     */
    public record Metrics(double growthPerSecond, double trendZ, long peakDepth, long finalDepth, long capacity,
                          Double inPerSecond, Double outPerSecond, double durationSeconds, int samples,
                          HeapContext heap, Double secondsToHeapLimit, Double bytesPerElement,
                          Double estimatedWaitSeconds, Double detectedAfterSeconds, Double oldestWaitSeconds) {

        /** Metrics of a finding about something that does not queue elements (no oldest wait). */
        public Metrics(double growthPerSecond, double trendZ, long peakDepth, long finalDepth, long capacity,
                       Double inPerSecond, Double outPerSecond, double durationSeconds, int samples,
                       HeapContext heap, Double secondsToHeapLimit, Double bytesPerElement,
                       Double estimatedWaitSeconds, Double detectedAfterSeconds) {
            this(growthPerSecond, trendZ, peakDepth, finalDepth, capacity, inPerSecond, outPerSecond, durationSeconds,
                    samples, heap, secondsToHeapLimit, bytesPerElement, estimatedWaitSeconds, detectedAfterSeconds,
                    null);
        }

        /** Little's law: the time an element now waits is the backlog divided by how fast it drains. */
        static Double estimatedWait(long backlog, Double outPerSecond) {
            return outPerSecond == null || outPerSecond <= 0 ? null : backlog / outPerSecond;
        }
    }
}

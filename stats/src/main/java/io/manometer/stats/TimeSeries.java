package io.manometer.stats;

/**
 * Samples in time order: what the growth evidence judges. The analyzer's series read from a
 * recording and, live, the agent's per-buffer history both present themselves this way, so both
 * are judged by the same code.
 */
public interface TimeSeries {
    int size();

    /** Time of sample {@code i}, in nanoseconds on any clock shared by the series. */
    long time(int i);

    /** Value of sample {@code i}: a backlog, work in flight, bytes held, threads alive. */
    double value(int i);
}

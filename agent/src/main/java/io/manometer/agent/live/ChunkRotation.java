package io.manometer.agent.live;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import jdk.jfr.Recording;

/**
 * Bounds what the live judge's stream holds. JFR's stream parser keeps every constant of the chunk
 * it reads until that chunk ends, and JFR writes a constant for every thread started while it
 * records: a JVM that starts a hundred thousand short-lived threads made the judge's stream hold
 * 40 MB (and its heap-growth detector then judged the agent's own memory). A chunk ends when a
 * recording starts, so after {@link #THREADS_PER_CHUNK} thread starts an empty recording is started
 * and closed: a new chunk (tens of kilobytes in any recording on disk), and the old pools let go.
 */
final class ChunkRotation {
    /** At about 400 bytes a thread in the parser: 8 MB at most. */
    static final long THREADS_PER_CHUNK = 20_000;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long startedAtLastChunk = threads.getTotalStartedThreadCount();

    /** Whether enough threads started in the current chunk to end it. */
    boolean due() {
        return threads.getTotalStartedThreadCount() - startedAtLastChunk >= THREADS_PER_CHUNK;
    }

    /**
     * Ends the current chunk. Never under the judge's lock (starting a recording takes JFR's recorder
     * lock, which JFR holds while it hands the judge events), nor once the JVM exits.
     */
    void rotate() {
        startedAtLastChunk = threads.getTotalStartedThreadCount();
        try (Recording rotation = new Recording()) {
            rotation.setName("manometer-chunk-rotation");
            rotation.start();
        }
    }
}

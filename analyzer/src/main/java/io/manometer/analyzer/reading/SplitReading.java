package io.manometer.analyzer.reading;

import io.manometer.analyzer.reading.jfr.ChunkScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.FutureTask;

/**
 * Reads a recording in two passes at once. The agent's samples, nearly all of a dense recording's
 * events, are read by position ({@link ChunkScanner}) on the calling thread; JFR's reader takes the
 * JDK's few events on another, stepping over the agent's by their size. JFR's reader alone decodes
 * every field of every sample into objects and finds each field by name: several times slower.
 */
final class SplitReading {
    private static final Set<String> AGENT_EVENTS = Set.copyOf(AgentEvents.NAMES);

    /** Agent events between two reports of progress. */
    private static final long PROGRESS_EVERY = 1 << 20;

    private SplitReading() {}

    /**
     * The recording read from {@code source} (the file itself or a finished copy of it), or empty
     * when the positional reader does not read this file: then nothing was reported and JFR's
     * reader must read it all. {@code flushes[0]} gets the flush points JFR's reader met.
     */
    static Optional<Recording> read(Path file, Path source, RecordingReader.Progress progress, int[] flushes)
            throws IOException {
        Recording jdkEvents = new Recording(file);
        FutureTask<Integer> jdkReading = new FutureTask<>(() -> RecordingReader.streamJdkEvents(source, jdkEvents));
        Thread reader = new Thread(jdkReading, "manometer-jdk-event-reader");
        reader.setDaemon(true);
        reader.start();
        Recording recording = new Recording(file);
        ScannedEventFields fields = new ScannedEventFields();
        try {
            ChunkScanner.scan(source, AGENT_EVENTS, e -> {
                AgentEvents.read(recording, e.name(), fields.of(e));
                if (recording.eventsRead % PROGRESS_EVERY == 0) {
                    progress.eventsRead(recording.eventsRead);
                }
            });
        } catch (IOException | RuntimeException e) {
            jdkReading.cancel(true);
            return Optional.empty();
        }
        flushes[0] = ReadingFutures.await(jdkReading);
        recording.absorb(jdkEvents);
        progress.eventsRead(recording.eventsRead);
        return Optional.of(recording);
    }
}

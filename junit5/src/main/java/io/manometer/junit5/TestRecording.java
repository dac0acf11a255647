package io.manometer.junit5;

import io.manometer.analyzer.reading.EventNames;
import io.manometer.schema.EventSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * One test's recording: the JDK's default events, and the agent's (and the thread statistics) at
 * the test's sample period, so a test that lasts seconds has samples enough to judge.
 */
final class TestRecording implements AutoCloseable {
    static final String QUEUE_SAMPLE = EventSchema.QueueSample.NAME;
    private static final java.util.List<String> SAMPLED = java.util.stream.Stream.concat(
            EventNames.SAMPLED.stream(), java.util.stream.Stream.of(EventNames.THREAD_STATISTICS)).toList();

    private final Recording recording;

    private TestRecording(Recording recording) {
        this.recording = recording;
    }

    static TestRecording start(String name, Duration period) {
        Recording recording;
        try {
            recording = new Recording(Configuration.getConfiguration("default"));
        } catch (IOException | ParseException e) {
            recording = new Recording();
        }
        recording.setName("manometer: " + name);
        for (String event : SAMPLED) {
            recording.enable(event).withPeriod(period);
        }
        recording.enable(EventSchema.AgentInfo.NAME);
        recording.enable(EventNames.GC_HEAP_SUMMARY);
        recording.enable(EventNames.GC_HEAP_CONFIGURATION);
        recording.start();
        return new TestRecording(recording);
    }

    /** Stops recording and writes what was recorded to {@code file}. */
    Path stopInto(Path file) throws IOException {
        recording.stop();
        Files.createDirectories(file.toAbsolutePath().getParent());
        recording.dump(file);
        return file;
    }

    @Override
    public void close() {
        recording.close();
    }
}

package io.manometer.junit5;

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
    static final String QUEUE_SAMPLE = "manometer.QueueSample";
    private static final String[] SAMPLED = {QUEUE_SAMPLE, "manometer.ExecutorSample", "manometer.AsyncLaunchSample",
        "manometer.IgnoredRefusalSample", "manometer.MemoryBufferSample", "manometer.BufferSummary",
        "jdk.JavaThreadStatistics"};

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
        recording.enable("manometer.AgentInfo");
        recording.enable("jdk.GCHeapSummary");
        recording.enable("jdk.GCHeapConfiguration");
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

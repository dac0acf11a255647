package io.manometer.agent.live;

import io.manometer.agent.AgentLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import jdk.jfr.consumer.RecordingStream;

/**
 * Writes the recordings to disk while the process still runs: a container's OOM killer sends
 * SIGKILL, after which nothing is dumped on exit. Once per alert, {@code dump.max} times in all;
 * each file is bounded by its recording's own age and size limits. Thread-safe: the collector's
 * heap threshold calls it from its own thread.
 */
final class EvidenceDump {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path directory;
    private final int max;
    private final Set<String> dumpedFor = new HashSet<>();
    private int dumps;

    EvidenceDump(Path directory, int max) {
        this.directory = directory;
        this.max = max;
    }

    /**
     * Dumps the agent's own recording (and every other running one) for the alert {@code reason};
     * returns the own recording's file, or null when this alert was dumped already, the limit was
     * reached, or the dump failed (said in one line).
     */
    synchronized String dumpFor(String reason, RecordingStream own, long ownId) {
        if (dumps >= max || !dumpedFor.add(reason)) {
            return null;
        }
        dumps++;
        String base = "manometer-" + ProcessHandle.current().pid() + "-" + LocalDateTime.now().format(STAMP);
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(base + ".jfr").toAbsolutePath();
            own.dump(file);
            for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
                if (r.getId() != ownId && r.getState() == RecordingState.RUNNING && r.isToDisk()) {
                    r.dump(directory.resolve(base + "-recording-" + r.getId() + ".jfr"));
                }
            }
            return file.toString();
        } catch (Throwable t) {
            AgentLog.warn("the recording could not be dumped to " + directory, t);
            return null;
        }
    }
}

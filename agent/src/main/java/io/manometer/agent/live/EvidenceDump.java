package io.manometer.agent.live;

import io.manometer.agent.AgentLog;
import io.manometer.agent.InjectedFault;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import jdk.jfr.consumer.RecordingStream;

/**
 * Writes the recordings to disk while the process still runs: a container's OOM killer sends
 * SIGKILL, after which nothing is dumped on exit. Once per alert, {@code dump.max} times in all;
 * each file is bounded by its recording's own age and size limits. Thread-safe: the collector's
 * heap threshold calls it from its own thread.
 *
 * <p>Nobody asked for these files, so they hold no secret: each is new and owner-only
 * ({@link PrivateFiles}), and the events that carry the JVM's configuration (its arguments, system
 * properties, environment variables, other processes' command lines), which JFR's shared chunks
 * bring in from any other recording, are dropped from every copy where the JDK can filter a
 * recording (19 and later). On JDK 17 and 18 the copy is whole, and the alert line says so.
 *
 * <p>Filtering needs the whole copy on disk first, as a hidden owner-only file that is deleted once
 * the filtered one is written. A JVM that dies in between (its heap ran out during the dump, the
 * very case dumps are for) leaves it behind: the agent removes such leftovers, of processes no
 * longer alive, when it starts and before each dump.
 */
final class EvidenceDump {
    private static final String PREFIX = "manometer-";
    /** The suffix of the hidden, whole copy that a dump filters from. */
    static final String UNFILTERED = ".whole.jfr";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** Events that carry configuration, which can hold passwords and keys; no verdict needs them. */
    static final Set<String> PRIVATE_EVENTS = Set.of("jdk.JVMInformation", "jdk.InitialEnvironmentVariable",
            "jdk.InitialSystemProperty", "jdk.InitialSecurityProperty", "jdk.SecurityPropertyModification",
            "jdk.SystemProcess");
    /** {@code RecordingFile.write(Path, Predicate)}, JDK 19 and later; null before. */
    private static final Method FILTERED_WRITE = filteredWrite();

    /** Something that dumps itself to a file: the agent's stream, or another running recording. */
    private interface Source {
        void dump(Path file) throws IOException;
    }

    private final String directory;
    private final int max;
    private final Set<String> dumpedFor = new HashSet<>();
    private int dumps;
    /** A dump failed: the disk is full, or the directory cannot be written; it would fail again. */
    private boolean failed;

    /** @param directory the user's {@code dump.dir}; empty for the default, a directory of the user's own */
    EvidenceDump(String directory, int max) {
        this.directory = directory;
        this.max = max;
    }

    /**
     * Dumps the agent's own recording (and every other running one) for the alert {@code reason};
     * returns the own recording's file, or null when this alert was dumped already, the limit was
     * reached, or the dump failed (said in one line; the application goes on).
     */
    synchronized String dumpFor(String reason, RecordingStream own, long ownId) {
        if (failed || dumps >= max || !dumpedFor.add(reason)) {
            return null;
        }
        dumps++;
        String base = PREFIX + ProcessHandle.current().pid() + "-" + LocalDateTime.now().format(STAMP);
        Path dir = null;
        try {
            dir = PrivateFiles.directory(directory);
            removeUnfilteredLeftovers(dir);
            Path file = write(own::dump, dir, base);
            for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
                if (r.getId() != ownId && r.getState() == RecordingState.RUNNING && r.isToDisk()) {
                    write(r::dump, dir, base + "-recording-" + r.getId());
                }
            }
            return file.toString();
        } catch (Throwable t) {
            failed = true; // one line: a full disk stays full, a read-only directory read-only
            AgentLog.warn("the recording could not be dumped to " + (dir == null ? directory : dir)
                    + "; no more dumps, the application goes on", t);
            return null;
        }
    }

    /**
     * Removes the unfiltered copies that JVMs which died mid-dump left in the dump directory, if it
     * exists; called at start-up. Quiet: nothing to say when there are none, or the directory is
     * not there yet.
     */
    void removeUnfilteredLeftovers() {
        try {
            Path dir = PrivateFiles.existingDirectory(directory);
            if (dir != null) {
                removeUnfilteredLeftovers(dir);
            }
        } catch (Throwable t) {
            AgentLog.info("the dump directory could not be tidied: " + AgentLog.describe(t));
        }
    }

    /** Deletes {@code .manometer-<pid>-….whole.jfr} files whose process is no longer alive, or is this one. */
    static void removeUnfilteredLeftovers(Path dir) throws IOException {
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "." + PREFIX + "*" + UNFILTERED)) {
            for (Path leftover : leftovers) {
                long pid = pidIn(leftover.getFileName().toString().substring(1));
                if (pid == self || pid > 0 && ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                    Files.deleteIfExists(leftover);
                }
            }
        }
    }

    /** The pid in a dump's name, {@code manometer-<pid>-…}; -1 when there is none. */
    static long pidIn(String name) {
        int end = name.indexOf('-', PREFIX.length());
        try {
            return name.startsWith(PREFIX) && end > 0 ? Long.parseLong(name.substring(PREFIX.length(), end)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** What the alert line adds after a dump's name: nothing, or that the JDK could not filter it. */
    static String caveat() {
        return FILTERED_WRITE != null ? ""
                : " (JDK " + Runtime.version().feature() + " cannot filter a recording: it holds the JVM's arguments, "
                        + "and any configuration events another recording enabled; owner-only)";
    }

    /** Writes one recording as {@code base.jfr} in {@code dir}, owner-only, without the private events. */
    private static Path write(Source source, Path dir, String base) throws IOException {
        if (InjectedFault.DUMP_DISK_FULL.on()) {
            throw new IOException("No space left on device (injected fault: dump-disk-full)");
        }
        Path file = PrivateFiles.createNew(dir, base, ".jfr");
        if (FILTERED_WRITE == null) {
            source.dump(file);
            PrivateFiles.restrict(file);
            return file;
        }
        Path whole = PrivateFiles.createNew(dir, "." + base, UNFILTERED);
        try {
            source.dump(whole);
            try (RecordingFile recording = new RecordingFile(whole)) {
                Predicate<RecordedEvent> kept = e -> !PRIVATE_EVENTS.contains(e.getEventType().getName());
                FILTERED_WRITE.invoke(recording, file, kept);
            } catch (InvocationTargetException e) {
                Files.deleteIfExists(file);
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (IllegalAccessException e) {
                Files.deleteIfExists(file);
                throw new IOException(e);
            }
            PrivateFiles.restrict(file);
            return file;
        } finally {
            Files.deleteIfExists(whole);
        }
    }

    private static Method filteredWrite() {
        try {
            return RecordingFile.class.getMethod("write", Path.class, Predicate.class);
        } catch (NoSuchMethodException e) {
            return null; // JDK 17, 18
        }
    }
}

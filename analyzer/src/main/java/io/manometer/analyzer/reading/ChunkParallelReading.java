package io.manometer.analyzer.reading;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Reads a recording of several chunks on several threads. A JFR chunk is self-contained (its own
 * metadata and constant pools), so a run of whole chunks is a recording too: the file is cut at
 * chunk boundaries into segments, each segment is copied into a file of its own, streamed by a
 * worker into a {@link Recording} of its own, and the parts are taken in in file order. The copy
 * is a kernel transfer, far cheaper than parsing. Segments are tens of megabytes, not single
 * chunks: each part costs a stream to open and a series per buffer to merge, which for JFR's small
 * chunks (a flush or a dump can end one after a megabyte) outweighed the parallelism. At most one
 * segment per worker plus one is copied or held at a time, so memory and temporary disk stay
 * bounded (a recording with chunks over 128 MB is read in one pass).
 */
final class ChunkParallelReading {
    private static final int WORKERS = Math.min(4, Runtime.getRuntime().availableProcessors());

    /** Below this a recording is read sooner on one thread than the copies and the pool take to set up. */
    private static final long MIN_BYTES = 16L << 20;

    /** Segments aim at a share of the file that keeps every worker busy twice, within these bounds. */
    private static final long MIN_SEGMENT_BYTES = 8L << 20;
    private static final long MAX_SEGMENT_BYTES = 64L << 20;

    /**
     * Chunks larger than this (a recording made with a large maxchunksize) are not copied: a few of
     * them at once would be gigabytes of temporary disk.
     */
    private static final long MAX_CHUNK_BYTES = 128L << 20;

    /** Streams one file into a recording, returning the flush points it met. */
    interface FileReader {
        int stream(Path file, Recording into, Runnable onFlush) throws IOException;
    }

    private record Part(Recording recording, int flushes) {}

    /** A run of whole chunks, copied and read as one recording. */
    record Segment(long offset, long size) {}

    /** A chunk could not be copied (no room on the temporary disk): reading in one pass still can. */
    static final class CopyFailed extends IOException {
        CopyFailed(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final Path file;
    private final List<Segment> segments;
    private final Path copies;

    private ChunkParallelReading(Path file, List<Segment> segments, Path copies) {
        this.file = file;
        this.segments = segments;
        this.copies = copies;
    }

    /** Ready to read {@code file} in parallel; empty when one thread is the better choice or no temporary directory can be made. */
    static Optional<ChunkParallelReading> prepare(Path file, ChunkHeaders.Layout layout) {
        long bytes = layout.chunks().stream().mapToLong(ChunkHeaders.Chunk::size).sum();
        long segmentBytes = Math.max(MIN_SEGMENT_BYTES, Math.min(MAX_SEGMENT_BYTES, bytes / (2L * WORKERS)));
        return prepare(file, layout, MIN_BYTES, segmentBytes);
    }

    /** As {@link #prepare(Path, ChunkHeaders.Layout)}, with the thresholds given (tests read small files apart). */
    static Optional<ChunkParallelReading> prepare(Path file, ChunkHeaders.Layout layout, long minBytes,
            long segmentBytes) {
        long bytes = layout.chunks().stream().mapToLong(ChunkHeaders.Chunk::size).sum();
        long largest = layout.chunks().stream().mapToLong(ChunkHeaders.Chunk::size).max().orElse(0);
        List<Segment> segments = segments(layout.chunks(), segmentBytes);
        if (WORKERS < 2 || segments.size() < 2 || bytes < minBytes || largest > MAX_CHUNK_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChunkParallelReading(file, segments,
                    Files.createTempDirectory("manometer-chunks")));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Consecutive chunks grouped until each group holds at least {@code targetBytes} (the last may hold less). */
    static List<Segment> segments(List<ChunkHeaders.Chunk> chunks, long targetBytes) {
        List<Segment> segments = new ArrayList<>();
        long start = -1;
        long size = 0;
        for (ChunkHeaders.Chunk chunk : chunks) {
            if (start < 0) {
                start = chunk.offset();
            }
            size += chunk.size();
            if (size >= targetBytes) {
                segments.add(new Segment(start, size));
                start = -1;
                size = 0;
            }
        }
        if (start >= 0) {
            segments.add(new Segment(start, size));
        }
        return segments;
    }

    /** Where the chunks are copied while they are read. */
    Path copies() {
        return copies;
    }

    /** Reads every segment into {@code recording}; returns the flush points met. */
    int readInto(Recording recording, FileReader reader, RecordingReader.Progress progress) throws IOException {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread t = new Thread(task, "manometer-chunk-reader-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Part>> pending = new ArrayDeque<>();
            int next = 0;
            int flushes = 0;
            while (next < segments.size() || !pending.isEmpty()) {
                while (next < segments.size() && pending.size() <= WORKERS) {
                    Segment segment = segments.get(next);
                    Path copy = copies.resolve("segment-" + next + ".jfr");
                    pending.add(pool.submit(() -> readSegment(segment, copy, reader)));
                    next++;
                }
                Part part = ReadingFutures.await(pending.poll());
                recording.absorb(part.recording());
                flushes += part.flushes();
                progress.eventsRead(recording.eventsRead);
            }
            return flushes;
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
            deleteCopies();
        }
    }

    private Part readSegment(Segment segment, Path copy, FileReader reader) throws IOException {
        try {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                    FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ChunkCopy.transfer(in, segment.offset(), segment.size(), out);
            } catch (IOException e) {
                throw new CopyFailed(e);
            }
            Recording part = new Recording(file);
            int flushes = reader.stream(copy, part, () -> { });
            return new Part(part, flushes);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deleteCopies() {
        try (Stream<Path> left = Files.list(copies)) {
            for (Path copy : (Iterable<Path>) left::iterator) {
                Files.deleteIfExists(copy);
            }
            Files.deleteIfExists(copies);
        } catch (IOException e) {
            copies.toFile().deleteOnExit(); // best effort: a leftover temporary directory is not worth failing for
        }
    }
}

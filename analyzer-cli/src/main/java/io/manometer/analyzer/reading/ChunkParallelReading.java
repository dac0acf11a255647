package io.manometer.analyzer.reading;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Reads a recording of several chunks on several threads. A JFR chunk is self-contained (its own
 * metadata and constant pools), so each is copied into a file of its own, streamed by a worker into
 * a {@link Recording} of its own, and the parts are taken in in file order. The copy is a kernel
 * transfer, far cheaper than parsing; at most one chunk per worker plus one is copied or held at a
 * time, so memory and temporary disk stay bounded by the chunk size (12 MB by JFR's default; a
 * recording with chunks over 128 MB is read in one pass).
 */
final class ChunkParallelReading {
    private static final int WORKERS = Math.min(4, Runtime.getRuntime().availableProcessors());

    /** Below this a recording is read sooner on one thread than the copies and the pool take to set up. */
    private static final long MIN_BYTES = 16L << 20;

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

    /** A chunk could not be copied (no room on the temporary disk): reading in one pass still can. */
    static final class CopyFailed extends IOException {
        CopyFailed(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final Path file;
    private final List<ChunkHeaders.Chunk> chunks;
    private final Path copies;

    private ChunkParallelReading(Path file, List<ChunkHeaders.Chunk> chunks, Path copies) {
        this.file = file;
        this.chunks = chunks;
        this.copies = copies;
    }

    /** Ready to read {@code file} in parallel; empty when one thread is the better choice or no temporary directory can be made. */
    static Optional<ChunkParallelReading> prepare(Path file, ChunkHeaders.Layout layout) {
        return prepare(file, layout, MIN_BYTES);
    }

    static Optional<ChunkParallelReading> prepare(Path file, ChunkHeaders.Layout layout, long minBytes) {
        long bytes = layout.chunks().stream().mapToLong(ChunkHeaders.Chunk::size).sum();
        long largest = layout.chunks().stream().mapToLong(ChunkHeaders.Chunk::size).max().orElse(0);
        if (WORKERS < 2 || layout.chunks().size() < 2 || bytes < minBytes || largest > MAX_CHUNK_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChunkParallelReading(file, layout.chunks(),
                    Files.createTempDirectory("manometer-chunks")));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Where the chunks are copied while they are read. */
    Path copies() {
        return copies;
    }

    /** Reads every chunk into {@code recording}; returns the flush points met. */
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
            while (next < chunks.size() || !pending.isEmpty()) {
                while (next < chunks.size() && pending.size() <= WORKERS) {
                    ChunkHeaders.Chunk chunk = chunks.get(next);
                    Path copy = copies.resolve("chunk-" + next + ".jfr");
                    pending.add(pool.submit(() -> readChunk(chunk, copy, reader)));
                    next++;
                }
                Part part = await(pending.poll());
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

    private Part readChunk(ChunkHeaders.Chunk chunk, Path copy, FileReader reader) throws IOException {
        try {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                    FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long done = 0;
                while (done < chunk.size()) {
                    long moved = in.transferTo(chunk.offset() + done, chunk.size() - done, out);
                    if (moved <= 0) {
                        throw new IOException("the file shrank while it was read");
                    }
                    done += moved;
                }
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

    private static Part await(Future<Part> part) throws IOException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
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

package io.manometer.analyzer.reading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jfr.consumer.RecordingFile;

/**
 * What can still be read of a recording JFR's reader gives up on: a chunk is self-contained, so
 * each is copied and read alone; those read to the end are kept, in file order, and each one left
 * out is named in the recording's damage. A chunk is kept only once all of it reads, so bytes that
 * merely parse in a damaged chunk never reach a verdict. Slower than a whole read (each kept chunk
 * is read twice): only damaged files come here.
 */
final class DamagedChunks {
    private DamagedChunks() {}

    /**
     * The chunks of {@code source} (laid out in {@code layout}) that read whole, as one recording of
     * {@code file}; throws {@code whole} when not one does, or there is only the one that failed.
     */
    static Recording salvage(Path file, Path source, ChunkHeaders.Layout layout, RecordingReadException whole)
            throws RecordingReadException {
        List<ChunkHeaders.Chunk> chunks = layout.chunks();
        if (chunks.size() < 2) {
            throw whole;
        }
        Recording recording = new Recording(file);
        List<String> lost = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < chunks.size(); i++) {
            ChunkHeaders.Chunk chunk = chunks.get(i);
            String problem = readInto(recording, source, chunk);
            if (problem == null) {
                kept++;
            } else {
                lost.add(String.format(Locale.ROOT, "chunk %d of %d (bytes %,d to %,d) could not be read (%s)",
                        i + 1, chunks.size(), chunk.offset(), chunk.offset() + chunk.size(), problem));
            }
        }
        if (kept == 0) {
            throw whole;
        }
        recording.damage.addAll(lost);
        return recording;
    }

    /** Reads one chunk into {@code recording} if all of it reads; else returns why not, in one line. */
    private static String readInto(Recording recording, Path source, ChunkHeaders.Chunk chunk) {
        Path copy = null;
        try {
            copy = ChunkCopy.of(source, List.of(chunk));
            Path alone = copy;
            Recording part = StallGuard.read(() -> {
                try (RecordingFile events = new RecordingFile(alone)) {
                    while (events.hasMoreEvents()) {
                        events.readEvent();
                    }
                }
                Recording read = new Recording(recording.file);
                RecordingReader.stream(alone, read, () -> { });
                return read;
            }, chunk.size());
            recording.absorb(part);
            return null;
        } catch (IOException | RuntimeException | InternalError | StackOverflowError | OutOfMemoryError e) {
            // A damaged size can ask for an array of gigabytes: that one allocation fails, nothing else.
            return RecordingReader.oneLine(e);
        } finally {
            if (copy != null) {
                ChunkCopy.delete(copy);
            }
        }
    }
}

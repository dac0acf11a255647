package io.manometer.analyzer.reading;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the chunk headers of a recording before it is streamed. JFR's reader stops quietly at a
 * cut-off chunk, which would make a truncated recording look like a healthy, empty one; each
 * chunk header declares its size, so a cut is visible here in a few reads.
 */
final class ChunkHeaders {
    // magic(4) major(2) minor(2) size(8) constantPoolOffset(8) metadataOffset(8) startNanos(8)
    // durationNanos(8) startTicks(8) ticksPerSecond(8) fileState(1) ... flags(1)
    private static final int HEADER_BYTES = 68;
    /** 0 once the chunk is finished; while the JVM writes it, a generation that changes at each flush. */
    static final int FILE_STATE_OFFSET = 64;
    private static final int MAGIC = 0x464c5200; // "FLR\0"

    private ChunkHeaders() {}

    /**
     * Where one chunk lies in the file. An unfinished chunk (the JVM still writes it, or died while
     * it did: a repository file) has the size of its last flush, and JFR's reader waits for it to
     * finish.
     */
    record Chunk(long offset, long size, boolean finished) {
        Chunk(long offset, long size) {
            this(offset, size, true);
        }
    }

    /** The chunks of a whole recording, in file order, and when its last chunk ends. */
    record Layout(List<Chunk> chunks, long endEpochNanos) {
        boolean finished() {
            return chunks.stream().allMatch(Chunk::finished);
        }
    }

    /** Returns the layout of a whole recording, or throws with a one-line problem. */
    static Layout check(Path file) throws IOException, RecordingReadException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            long offset = 0;
            int chunk = 0;
            long end = 0;
            List<Chunk> chunks = new ArrayList<>();
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            while (offset < length) {
                chunk++;
                header.clear();
                int read = 0;
                while (header.hasRemaining() && read >= 0) {
                    read = channel.read(header, offset + header.position());
                }
                if (header.position() < HEADER_BYTES) {
                    throw problem(file, "truncated: chunk " + chunk + " header is cut off");
                }
                header.flip();
                if (header.getInt() != MAGIC) {
                    throw problem(file, chunk == 1 ? "not a JFR recording (no JFR file header)"
                            : "corrupt: chunk " + chunk + " does not start with a JFR chunk header");
                }
                int major = header.getShort();
                header.getShort();
                long size = header.getLong();
                header.getLong();
                header.getLong();
                long metadataOffset = header.getLong(24);
                long startNanos = header.getLong();
                long durationNanos = header.getLong();
                boolean finished = major < 2 || header.get(FILE_STATE_OFFSET) == 0; // 1.0 had no state byte
                if (major > 2 || major < 1) {
                    throw problem(file, "JFR file format version " + major + " is not supported");
                }
                if (size <= HEADER_BYTES || !finished && metadataOffset == 0) {
                    throw problem(file, "incomplete: chunk " + chunk + " has no events yet (the JVM "
                            + "had not flushed it; stop or dump the recording with jcmd PID JFR.dump)");
                }
                if (offset + size > length) {
                    throw problem(file, String.format("truncated: chunk %d declares %,d bytes but only %,d remain",
                            chunk, size, length - offset));
                }
                end = Math.max(end, startNanos + durationNanos);
                chunks.add(new Chunk(offset, size, finished));
                if (!finished) {
                    break; // what follows its last flush is unreadable, and nothing comes after it
                }
                offset += size;
            }
            return new Layout(chunks, end);
        }
    }

    private static RecordingReadException problem(Path file, String message) {
        return new RecordingReadException(file + ": " + message);
    }
}

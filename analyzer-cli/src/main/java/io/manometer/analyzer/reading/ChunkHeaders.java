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
    // magic(4) major(2) minor(2) size(8) constantPoolOffset(8) metadataOffset(8) startNanos(8) durationNanos(8)
    private static final int HEADER_BYTES = 48;
    private static final int MAGIC = 0x464c5200; // "FLR\0"

    private ChunkHeaders() {}

    /** Where one chunk lies in the file. */
    record Chunk(long offset, long size) {}

    /** The chunks of a whole recording, in file order, and when its last chunk ends. */
    record Layout(List<Chunk> chunks, long endEpochNanos) {}

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
                long startNanos = header.getLong();
                long durationNanos = header.getLong();
                if (major > 2 || major < 1) {
                    throw problem(file, "JFR file format version " + major + " is not supported");
                }
                if (size <= HEADER_BYTES) {
                    throw problem(file, "incomplete: chunk " + chunk
                            + " is still being written (stop or dump the recording first)");
                }
                if (offset + size > length) {
                    throw problem(file, String.format("truncated: chunk %d declares %,d bytes but only %,d remain",
                            chunk, size, length - offset));
                }
                end = Math.max(end, startNanos + durationNanos);
                chunks.add(new Chunk(offset, size));
                offset += size;
            }
            return new Layout(chunks, end);
        }
    }

    private static RecordingReadException problem(Path file, String message) {
        return new RecordingReadException(file + ": " + message);
    }
}

package io.manometer.analyzer.reading;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A recording whose last chunk the JVM never finished: the file of a disk repository when the JVM
 * was killed or died of an OutOfMemoryError before it could dump, or a recording still running.
 * JFR's file stream waits for such a chunk to finish, forever if its JVM is gone. Its header
 * already describes everything up to the last flush (about a second before the end), so a copy
 * of that much, marked finished, reads like any recording: the evidence of a JVM that died.
 */
final class UnfinishedChunks {
    private UnfinishedChunks() {}

    /** A finished copy of {@code file} up to the last flush of its unfinished chunk, in a temporary file. */
    static Path finishedCopy(Path file, ChunkHeaders.Layout layout) throws IOException {
        ChunkHeaders.Chunk last = layout.chunks().get(layout.chunks().size() - 1);
        long end = last.offset() + last.size();
        Path copy = Files.createTempFile("manometer-unfinished", ".jfr");
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            long done = 0;
            while (done < end) {
                long moved = in.transferTo(done, end - done, out);
                if (moved <= 0) {
                    throw new IOException("the file shrank while it was read");
                }
                done += moved;
            }
            for (ChunkHeaders.Chunk chunk : layout.chunks()) {
                if (!chunk.finished()) {
                    out.write(ByteBuffer.wrap(new byte[] {0}), chunk.offset() + ChunkHeaders.FILE_STATE_OFFSET);
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return copy;
    }
}

package io.manometer.analyzer.reading;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A copy of some of a recording's chunks, one after another, that JFR's reader reads as a
 * recording (a chunk is self-contained). Two files need one:
 * <ul>
 * <li>a recording whose last chunk the JVM never finished: the file of a disk repository when the
 * JVM was killed or died of an OutOfMemoryError before it could dump, or a recording still running.
 * JFR's file stream waits for such a chunk to finish, forever if its JVM is gone. Its header
 * already describes everything up to the last flush (about a second before the end), so a copy of
 * that much, marked finished, reads like any recording: the evidence of a JVM that died;</li>
 * <li>a damaged recording: its whole chunks without the damaged bytes between them, or one chunk
 * alone, to learn which of them can be read.</li>
 * </ul>
 */
final class ChunkCopy {
    private ChunkCopy() {}

    /** {@code chunks} of {@code file}, in order, each marked finished, in a new temporary file. */
    static Path of(Path file, List<ChunkHeaders.Chunk> chunks) throws IOException {
        Path copy = Files.createTempFile("manometer-chunks", ".jfr");
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            long at = 0;
            for (ChunkHeaders.Chunk chunk : chunks) {
                transfer(in, chunk.offset(), chunk.size(), out);
                if (!chunk.finished()) {
                    out.write(ByteBuffer.wrap(new byte[] {0}), at + ChunkHeaders.FILE_STATE_OFFSET);
                }
                at += chunk.size();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return copy;
    }

    /** Appends {@code size} bytes of {@code in} from {@code offset} to {@code out}: a kernel copy. */
    static void transfer(FileChannel in, long offset, long size, FileChannel out) throws IOException {
        long done = 0;
        while (done < size) {
            long moved = in.transferTo(offset + done, size - done, out);
            if (moved <= 0) {
                throw new IOException("the file shrank while it was read");
            }
            done += moved;
        }
    }

    /** Deletes a copy once read; one that cannot be deleted now goes when the JVM exits. */
    static void delete(Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            copy.toFile().deleteOnExit();
        }
    }
}

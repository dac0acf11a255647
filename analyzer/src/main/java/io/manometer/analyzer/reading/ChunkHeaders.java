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

    /**
     * The chunks of a recording, in file order, when its first chunk starts and its last ends; {@code damage} says
     * what was stepped over between them (a chunk cut off, or bytes that are no chunk), empty for a
     * whole file.
     */
    record Layout(List<Chunk> chunks, long startEpochNanos, long endEpochNanos, List<String> damage) {
        Layout(List<Chunk> chunks, long endEpochNanos) {
            this(chunks, 0, endEpochNanos, List.of());
        }

        boolean finished() {
            return chunks.stream().allMatch(Chunk::finished);
        }
    }

    /** Since 2000, lasting under a year, a clock between 1 kHz and 100 GHz: a header JFR could have written. */
    private static boolean plausibleClock(long startNanos, long durationNanos, long ticksPerSecond) {
        return startNanos > 946_684_800_000_000_000L && startNanos < 7_258_118_400_000_000_000L
                && durationNanos >= 0 && durationNanos < 365L * 86_400_000_000_000L
                && ticksPerSecond >= 1_000 && ticksPerSecond <= 100_000_000_000L;
    }

    /**
     * Returns the layout of a recording, or throws with a one-line problem when not one chunk of it
     * is whole. A damaged chunk header is stepped over to the next chunk's magic, and said in the
     * layout's damage: the whole chunks around it are still a recording.
     */
    static Layout check(Path file) throws IOException, RecordingReadException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            long offset = 0;
            int chunk = 0;
            long start = Long.MAX_VALUE;
            long end = 0;
            List<Chunk> chunks = new ArrayList<>();
            List<String> damage = new ArrayList<>();
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            while (offset < length) {
                chunk++;
                header.clear();
                int read = 0;
                while (header.hasRemaining() && read >= 0) {
                    read = channel.read(header, offset + header.position());
                }
                String problem = null;
                long size = 0;
                boolean finished = true;
                header.flip();
                if (header.remaining() < HEADER_BYTES) {
                    problem = "truncated: chunk " + chunk + " header is cut off";
                } else if (header.getInt() != MAGIC) {
                    if (chunk == 1) {
                        throw problem(file, "not a JFR recording (no JFR file header)");
                    }
                    problem = "corrupt: chunk " + chunk + " does not start with a JFR chunk header";
                } else {
                    int major = header.getShort();
                    header.getShort();
                    size = header.getLong();
                    long metadataOffset = header.getLong(24);
                    long startNanos = header.getLong(32);
                    long durationNanos = header.getLong(40);
                    long ticksPerSecond = header.getLong(56);
                    finished = major < 2 || header.get(FILE_STATE_OFFSET) == 0; // 1.0 had no state byte
                    if (major > 2 || major < 1) {
                        problem = "JFR file format version " + major + " is not supported";
                    } else if (size <= HEADER_BYTES || !finished && metadataOffset == 0) {
                        problem = "incomplete: chunk " + chunk + " has no events yet (the JVM "
                                + "had not flushed it; stop or dump the recording with jcmd PID JFR.dump)";
                    } else if (offset + size > length) {
                        problem = String.format("truncated: chunk %d declares %,d bytes but only %,d remain",
                                chunk, size, length - offset);
                    } else if (!plausibleClock(startNanos, durationNanos, ticksPerSecond)) {
                        problem = "corrupt: chunk " + chunk + " declares an impossible start, length or clock rate";
                    } else {
                        start = Math.min(start, startNanos);
                        end = Math.max(end, startNanos + durationNanos);
                    }
                }
                if (problem != null) {
                    damage.add(problem);
                    long next = nextMagic(channel, offset + 1, length);
                    if (next < 0) {
                        break;
                    }
                    offset = next;
                    continue;
                }
                chunks.add(new Chunk(offset, size, finished));
                if (!finished) {
                    break; // what follows its last flush is unreadable, and nothing comes after it
                }
                offset += size;
            }
            if (chunks.isEmpty()) {
                throw problem(file, damage.isEmpty() ? "empty" : damage.get(0));
            }
            return new Layout(chunks, start, end, damage);
        }
    }

    /**
     * Where the next chunk starts at or after {@code from}, or -1. JFR also writes copies of a
     * chunk's header inside it (their size counts from the chunk's start), so a magic is taken for
     * a chunk when the chain of sizes from it ends exactly at the end of the file, each on another
     * magic; failing that (the file is also cut short), the first whose own size ends on a magic.
     */
    private static long nextMagic(FileChannel channel, long from, long length) throws IOException {
        long fallback = -1;
        ByteBuffer window = ByteBuffer.allocate(1 << 16);
        for (long at = from; at < length; at += window.capacity() - 3) {
            window.clear();
            int read = channel.read(window, at);
            if (read < 4) {
                break;
            }
            for (int i = 0; i + 4 <= read; i++) {
                if (window.getInt(i) != MAGIC) {
                    continue;
                }
                int hops = chunksToTheEnd(channel, at + i, length);
                if (hops == Integer.MAX_VALUE) {
                    return at + i;
                }
                if (hops > 0 && fallback < 0) {
                    fallback = at + i;
                }
            }
        }
        return fallback;
    }

    /**
     * From a magic at {@code at}, follows the declared sizes: {@link Integer#MAX_VALUE} when they end
     * exactly at the end of the file, each on a magic; else how many did end on a magic.
     */
    private static int chunksToTheEnd(FileChannel channel, long at, long length) throws IOException {
        ByteBuffer word = ByteBuffer.allocate(8);
        int hops = 0;
        for (long p = at; hops < 100_000; hops++) {
            word.clear();
            if (channel.read(word, p + 8) < 8) {
                return hops;
            }
            long end = p + word.getLong(0);
            if (end <= p + HEADER_BYTES || end > length) {
                return hops;
            }
            if (end == length) {
                return Integer.MAX_VALUE;
            }
            word.clear().limit(4);
            if (channel.read(word, end) < 4 || word.getInt(0) != MAGIC) {
                return hops;
            }
            p = end;
        }
        return hops;
    }

    private static RecordingReadException problem(Path file, String message) {
        return new RecordingReadException(file + ": " + message);
    }
}

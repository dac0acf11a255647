package io.manometer.benchmarks.analyzer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lays copies of a recording end to end into one long recording whose clock keeps going: each
 * copy's chunks start where the previous copy ended. Chunks are self-contained and timestamps
 * inside a chunk are ticks counted from the chunk's start, so moving a chunk's start time in its
 * header moves every event in it. The result reads like one long run of the same workload.
 * {@code RecordingCopies IN.jfr COPIES OUT.jfr}
 */
public final class RecordingCopies {
    private static final int MAGIC = 0x464c5200; // "FLR\0"
    private static final int CHUNK_SIZE = 8;
    private static final int START_NANOS = 32;
    private static final int DURATION_NANOS = 40;

    private RecordingCopies() {}

    public static void main(String[] args) throws IOException {
        ByteBuffer one = ByteBuffer.wrap(Files.readAllBytes(Path.of(args[0])));
        int copies = Integer.parseInt(args[1]);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int chunk = 0; chunk < one.limit(); chunk += (int) one.getLong(chunk + CHUNK_SIZE)) {
            if (one.getInt(chunk) != MAGIC) {
                throw new IOException("not a chunk at " + chunk);
            }
            first = Math.min(first, one.getLong(chunk + START_NANOS));
            last = Math.max(last, one.getLong(chunk + START_NANOS) + one.getLong(chunk + DURATION_NANOS));
        }
        long span = last - first + 1_000_000_000L; // a second between copies
        try (OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
            for (int copy = 0; copy < copies; copy++) {
                ByteBuffer shifted = ByteBuffer.wrap(one.array().clone());
                for (int chunk = 0; chunk < shifted.limit(); chunk += (int) shifted.getLong(chunk + CHUNK_SIZE)) {
                    shifted.putLong(chunk + START_NANOS, shifted.getLong(chunk + START_NANOS) + copy * span);
                }
                out.write(shifted.array());
            }
        }
    }
}

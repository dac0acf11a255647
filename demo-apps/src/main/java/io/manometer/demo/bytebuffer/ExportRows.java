package io.manometer.demo.bytebuffer;

import io.manometer.demo.Pace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** An export: rows of about 1 KB read from a database at 4,000 a second (4 MB/s), written as CSV. */
final class ExportRows {
    static final int ROWS_PER_SECOND = 4000;
    private static final byte[] PADDING = padding();

    private ExportRows() {}

    /** Writes rows into {@code out} until the deadline; returns how many. */
    static long writeAll(long deadlineNanos, OutputStream out) throws Exception {
        return Pace.forEach(deadlineNanos, ROWS_PER_SECOND, i -> writeRow(out, i));
    }

    private static void writeRow(OutputStream out, long i) throws IOException {
        out.write(("row-" + i + ",").getBytes(StandardCharsets.US_ASCII));
        out.write(PADDING);
    }

    private static byte[] padding() {
        byte[] bytes = new byte[1000];
        Arrays.fill(bytes, (byte) 'x');
        bytes[bytes.length - 1] = '\n';
        return bytes;
    }
}

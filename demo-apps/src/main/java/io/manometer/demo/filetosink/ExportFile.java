package io.manometer.demo.filetosink;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The "4 GB file at 2 a.m.": a generated CSV export, read line by line as fast as the disk allows
 * (paced here to a steady rate so a run of a few seconds looks like a long file).
 */
public final class ExportFile {
    /** Lines per second the reader delivers: far more than the sink absorbs. */
    static final int LINES_PER_SECOND = 20_000;

    private ExportFile() {}

    static Path generate(long lines) throws IOException {
        Path file = Files.createTempFile("manometer-export", ".csv");
        file.toFile().deleteOnExit();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < lines; i++) {
                out.write(i + ",customer-" + (i % 9973) + ",order-" + (i * 31 % 100_003) + ",EUR," + (i % 500) + ".99\n");
            }
        }
        return file;
    }

    /** Reads lines until the file ends or the deadline passes; returns the number read. */
    static long readLines(Path file, long deadlineNanos, Consumer<String> handler) throws IOException {
        long read = 0;
        long start = System.nanoTime();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while (System.nanoTime() < deadlineNanos && (line = in.readLine()) != null) {
                handler.accept(line);
                read++;
                long due = start + read * 1_000_000_000L / LINES_PER_SECOND;
                long ahead = due - System.nanoTime();
                if (ahead > 0) {
                    TimeUnit.NANOSECONDS.sleep(ahead);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return read;
    }
}

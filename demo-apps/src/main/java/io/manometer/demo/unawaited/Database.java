package io.manometer.demo.unawaited;

import io.manometer.demo.Pace;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** A database reached through a pool of 4 connections, 10 ms a save: 400 saves a second at best. */
final class Database {
    static final int CONNECTIONS = 4;
    /** Rows read from the source per second: more than the database takes. */
    static final int ROWS_PER_SECOND = 1000;
    final ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS);
    private final AtomicLong saved = new AtomicLong();

    /** A row as read from the source: about 2 KB of columns. */
    static byte[] read(long row) {
        byte[] columns = new byte[2048];
        columns[0] = (byte) row;
        return columns;
    }

    void save(byte[] row) {
        if (Pace.work(10) && row.length > 0) {
            saved.incrementAndGet();
        }
    }

    long saved() {
        return saved.get();
    }
}

package com.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExportIT {
    @Test
    void exportsEveryRow() throws Exception {
        // A full queue makes the reader run the row itself, so it reads no faster than rows are written.
        ThreadPoolExecutor writers = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100),
                new ThreadPoolExecutor.CallerRunsPolicy());
        assertTrue(new Export(writers).run(3) > 0);
    }
}

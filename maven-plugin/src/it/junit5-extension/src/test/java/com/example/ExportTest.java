package com.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.manometer.junit5.DetectBackpressure;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@DetectBackpressure
class ExportTest {
    @Test
    void exportsIntoAnUnboundedPool() throws Exception {
        assertTrue(new Export(Executors.newFixedThreadPool(1)).run(4) > 0);
    }

    @Test
    void exportsIntoABoundedPool() throws Exception {
        ThreadPoolExecutor writers = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100),
                new ThreadPoolExecutor.CallerRunsPolicy());
        assertTrue(new Export(writers).run(4) > 0);
    }
}

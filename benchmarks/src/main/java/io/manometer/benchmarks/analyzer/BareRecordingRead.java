package io.manometer.benchmarks.analyzer;

import io.manometer.analyzer.reading.EventNames;
import java.nio.file.Path;
import jdk.jfr.consumer.EventStream;

/**
 * The baseline for the analyzer's reading speed: the same unordered stream over the same file with
 * handlers for the same events, doing nothing with them.
 */
public final class BareRecordingRead {
    private BareRecordingRead() {}

    public static void main(String[] args) throws Exception {
        long[] events = {0};
        try (EventStream stream = EventStream.openFile(Path.of(args[0]))) {
            stream.setOrdered(false);
            for (String name : EventNames.READ) {
                stream.onEvent(name, e -> events[0]++);
            }
            stream.start();
        }
        System.out.println("events " + events[0]);
    }
}

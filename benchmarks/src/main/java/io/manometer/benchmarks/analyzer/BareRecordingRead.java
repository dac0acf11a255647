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
            for (String name : new String[] {EventNames.QUEUE_SAMPLE, EventNames.EXECUTOR_SAMPLE,
                    EventNames.AGENT_INFO, EventNames.DATA_LOSS, EventNames.GC_HEAP_SUMMARY,
                    EventNames.GC_HEAP_CONFIGURATION, EventNames.THREAD_STATISTICS}) {
                stream.onEvent(name, e -> events[0]++);
            }
            stream.start();
        }
        System.out.println("events " + events[0]);
    }
}

package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import java.util.List;
import java.util.Set;

/**
 * An in-memory byte or char buffer that keeps growing: an export or response assembled whole in a
 * ByteArrayOutputStream before anything is sent, so memory grows with the data.
 */
public final class MemoryBufferGrowthDetector extends GrowthDetector {
    public static final String ID = "memory-buffer-growth";

    public MemoryBufferGrowthDetector() {
        super(ID, Set.of(EventNames.MEMORY_BUFFER_SAMPLE, EventNames.AGENT_INFO), List.of(ID),
                new Preference("minGrowth", 16 << 20), new Preference("largeBuffer", 256 << 20));
    }

    @Override
    boolean covers(BufferSeries series) {
        return series.subject == BufferSeries.Subject.MEMORY_BUFFER;
    }

    @Override
    Naming naming(Recording recording, BufferSeries series, Preferences p) {
        return new Naming(ID, "bytes");
    }
}

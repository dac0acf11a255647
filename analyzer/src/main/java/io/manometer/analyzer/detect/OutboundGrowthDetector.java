package io.manometer.analyzer.detect;

import io.manometer.analyzer.reading.BufferSeries;
import io.manometer.analyzer.reading.EventNames;
import io.manometer.analyzer.reading.Recording;
import java.util.List;
import java.util.Set;

/**
 * The bytes a network library holds for connections that cannot send them keep growing: a Netty
 * handler writing while its channel is not writable, a gRPC service calling {@code onNext} while its
 * stream is not ready. The library said "wait" and nothing waited.
 */
public final class OutboundGrowthDetector extends GrowthDetector {
    public static final String ID = "outbound-growth";

    public OutboundGrowthDetector() {
        super(ID, Set.of(EventNames.OUTBOUND_SAMPLE, EventNames.AGENT_INFO), List.of(ID),
                new Preference("minGrowth", 1 << 20), new Preference("largeBuffer", 256 << 20));
    }

    @Override
    boolean covers(BufferSeries series) {
        return series.subject == BufferSeries.Subject.OUTBOUND;
    }

    @Override
    Naming naming(Recording recording, BufferSeries series, Preferences p) {
        return new Naming(ID, "bytes", series.transport());
    }

    @Override
    String detail(BufferSeries series) {
        return Messages.format(ID + ".writes", series.connections(), series.writes(), series.writesWhileUnwritable(),
                series.becameUnwritable());
    }
}

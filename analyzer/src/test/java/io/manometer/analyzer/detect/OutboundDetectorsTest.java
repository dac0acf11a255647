package io.manometer.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.reading.Recording;
import io.manometer.analyzer.reading.TestRecordings;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundDetectorsTest {
    private static final String SITE = "com.example.Feed.push(Feed.java:42)";

    @Test
    void pendingBytesThatKeepGrowingAreReportedAtTheWritingLineWithTheNettyFix() {
        Recording recording = TestRecordings.create()
                .outbound(3, SITE, 20, s -> s * (4L << 20), 200_000, 199_000, 1).build();
        List<Finding> findings = new OutboundGrowthDetector().detect(recording, Preferences.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("outbound-growth");
            assertThat(f.site()).isEqualTo(SITE);
            assertThat(f.via()).startsWith("io.netty.channel.AbstractChannel.writeAndFlush");
            assertThat(f.summary()).startsWith("Netty channels written at " + SITE);
            assertThat(f.explanation()).contains("199,000 were made while the connection said it was not writable");
            assertThat(f.solution()).contains("isWritable()", "channelWritabilityChanged", "setAutoRead(false)");
        });
    }

    @Test
    void connectionsHeldAtTheirHighWaterMarkDoNotGrow() {
        Recording recording = TestRecordings.create().outbound(3, SITE, 20, s -> 64 << 10, 5_000, 3, 40).build();
        assertThat(new OutboundGrowthDetector().detect(recording, Preferences.defaults())).isEmpty();
    }

    @Test
    void writesMadeWhileNotWritableAreAWarningBeforeTheBytesPileUp() {
        Recording recording = TestRecordings.create().outbound(3, SITE, 3, s -> 2 << 20, 5_000, 4_900, 1).build();
        assertThat(new WritabilityDetector().detect(recording, Preferences.defaults())).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("writability-ignored");
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.site()).isEqualTo(SITE);
                    assertThat(f.summary()).contains("4,900 of 5,000 writes (98%)", "Channel.isWritable() is ignored");
                });
    }

    @Test
    void writesPastTheMarkThatNeverPileUpAMebibyteAreInformation() {
        // A response written in 64 KiB pieces without a look at isWritable(): past the mark, then drained.
        Recording recording = TestRecordings.create().outbound(3, SITE, 10, s -> s % 2 == 0 ? 0 : 900 << 10,
                5_000, 4_000, 300).build();
        assertThat(new WritabilityDetector().detect(recording, Preferences.defaults())).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("writability-ignored");
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.explanation()).contains("No connection held more than 921,600 bytes");
                });
    }

    @Test
    void aWriterThatWaitsIsBackpressureEngagedThoughACodecAddsAFewWritesPastTheMark() {
        Recording recording = TestRecordings.create().outbound(3, SITE, 10, s -> 64 << 10, 13_000, 49, 49).build();
        assertThat(new WritabilityDetector().detect(recording, Preferences.defaults())).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("backpressure-engaged");
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                });
    }

    @Test
    void theLibrarysOwnWritesHeedingItsSignalAreNotNews() {
        // No application frame was found: the site is the library's innermost frame.
        Recording recording = TestRecordings.create().outbound(3, "", 10, s -> 0, 384, 60, 60).build();
        assertThat(new WritabilityDetector().detect(recording, Preferences.defaults())).isEmpty();
    }
}

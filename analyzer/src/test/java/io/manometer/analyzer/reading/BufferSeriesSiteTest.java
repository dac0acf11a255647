package io.manometer.analyzer.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which line a report names for a buffer: its creation's, unless only the line feeding it is the application's. */
class BufferSeriesSiteTest {
    private static final String APPLICATION = "com.example.Orders.run(Orders.java:33)";
    private static final String LIBRARY = "org.apache.pekko.dispatch.SingleConsumerOnlyUnboundedMailbox.create(Mailbox.scala:679)";

    private static BufferSeries series(String createdAt, String producerSite) {
        BufferSeries s = new Recording(Path.of("test.jfr")).series(BufferSeries.Subject.QUEUE, 1);
        s.createdAt = createdAt;
        s.producerSite = producerSite;
        return s;
    }

    @Test
    void theApplicationsCreationLineIsNamed() {
        assertThat(series("com.example.Orders.<init>(Orders.java:12)", APPLICATION).site())
                .isEqualTo("com.example.Orders.<init>(Orders.java:12)");
    }

    @Test
    void aBufferALibraryMadeOnItsOwnIsNamedWhereTheApplicationFeedsIt() {
        // An actor's mailbox: made on the actor system's thread, fed by the application's tell.
        assertThat(series(LIBRARY, APPLICATION).site()).isEqualTo(APPLICATION);
    }

    @Test
    void aBufferALibraryMakesAndFeedsIsNamedWhereItIsMade() {
        assertThat(series(LIBRARY, "io.netty.channel.AbstractChannel.write(AbstractChannel.java:10)").site())
                .isEqualTo(LIBRARY);
        assertThat(series(LIBRARY, "").site()).isEqualTo(LIBRARY);
    }
}

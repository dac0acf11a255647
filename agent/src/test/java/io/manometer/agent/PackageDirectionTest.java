package io.manometer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way: application call → advice (instrument) → bridge → tracking → sampling →
 * events. Instrumentation and tracking share only {@code model}; neither reaches into the other.
 */
class PackageDirectionTest {
    private static final Path AGENT = Path.of("src/main/java/io/manometer/agent");

    @Test
    void instrumentationKnowsNothingOfTrackingOrSampling() throws IOException {
        assertThat(importing(AGENT.resolve("instrument"), "io.manometer.agent.tracking", "io.manometer.agent.sampling",
                "io.manometer.agent.events")).isEmpty();
    }

    @Test
    void trackingKnowsNothingOfInstrumentationSamplingOrEvents() throws IOException {
        assertThat(importing(AGENT.resolve("tracking"), "io.manometer.agent.instrument", "io.manometer.agent.sampling",
                "io.manometer.agent.events")).isEmpty();
    }

    @Test
    void theSharedModelDependsOnNothingOfTheAgent() throws IOException {
        assertThat(importing(AGENT.resolve("model"), "io.manometer.agent.instrument", "io.manometer.agent.tracking",
                "io.manometer.agent.sampling", "io.manometer.agent.events", "net.bytebuddy")).isEmpty();
    }

    private static List<Path> importing(Path dir, String... forbidden) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String code = Files.readString(p);
                    for (String f : forbidden) {
                        if (code.contains(f + ".")) {
                            return true;
                        }
                    }
                    return false;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}

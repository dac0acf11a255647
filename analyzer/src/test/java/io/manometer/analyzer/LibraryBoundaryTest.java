package io.manometer.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The library is embedded in builds and tests: it never prints, exits or parses a command line. */
class LibraryBoundaryTest {
    @Test
    void noPrintingNoExitNoCommandLine() throws IOException {
        List<Path> offending;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            offending = sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String code = Files.readString(p);
                    return code.contains("System.out") || code.contains("System.err") || code.contains("System.exit")
                            || code.contains("picocli") || code.contains("printStackTrace");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(offending).isEmpty();
    }
}

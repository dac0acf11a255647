package io.manometer.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.manometer.analyzer.reading.TestRecordings;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The registry lists every detector, once; a detector missing from it would silently never run. And
 * each finding carries only the figures its detector declares.
 */
class DetectorRegistryTest {

    @Test
    void everyDetectorInThePackageIsRegisteredOnceInReportOrder() throws Exception {
        Set<String> written = new HashSet<>();
        try (Stream<Path> classes = Files.list(Path.of("target/classes/io/manometer/analyzer/detect"))) {
            for (Path file : classes.toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName("io.manometer.analyzer.detect." + name.replace(".class", ""));
                if (Detector.class.isAssignableFrom(type) && !type.isInterface()
                        && !Modifier.isAbstract(type.getModifiers())) {
                    written.add(type.getName());
                }
            }
        }
        List<Detector> registered = DetectorRegistry.all();
        assertThat(registered.stream().map(d -> d.getClass().getName())).containsExactlyInAnyOrderElementsOf(written);
        assertThat(registered.stream().map(Detector::id).toList()).doesNotHaveDuplicates()
                .startsWith(BacklogGrowthDetector.ID, FanOutDetector.ID);
    }

    @Test
    void aClassPathWithoutTheRegistrationIsABrokenInstallationSaidInOneLine() {
        ClassLoader bare = new URLClassLoader(new URL[0], null);
        assertThatThrownBy(() -> DetectorRegistry.load(bare)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no detector is registered");
    }

    @Test
    void everyDetectorDeclaresItsFiguresOnceEach() {
        for (Detector d : DetectorRegistry.all()) {
            assertThat(d.figures()).as(d.id()).isNotEmpty().doesNotHaveDuplicates();
        }
    }

    /** A recording where most detectors find something: a growing queue, a growing heap, threads, refusals. */
    @Test
    void aFindingCarriesOnlyTheFiguresItsDetectorDeclares() {
        Map<String, Detector> byId = DetectorRegistry.all().stream()
                .collect(Collectors.toMap(Detector::id, Function.identity()));
        List<DetectorResult> results = new Analysis(DetectorRegistry.all(), Preferences.defaults()).run(
                TestRecordings.create()
                        .queue(1, -1, 20, 20_000, s -> 18_000 * s)
                        .memoryBuffer(2, "com.example.App.buffer(App.java:7)", 20, s -> 4_000_000L * s)
                        .refusals("com.example.App.offer(App.java:9)", "offer", 20, s -> 500 * s)
                        .threads(20, 10, s -> 20 + 10 * s)
                        .heap(20, 512_000_000L, s -> 30_000_000L + 4_000_000L * s).build());
        Set<String> found = new HashSet<>();
        for (DetectorResult result : results) {
            for (Finding f : result.findings()) {
                found.add(f.detector());
                assertThat(byId.get(f.detector()).figures()).as(f.kind()).containsAll(f.figures().present());
            }
        }
        assertThat(found).contains("backlog-growth", "memory-buffer-growth", "heap-growth", "thread-growth");
    }
}

package io.manometer.junit5;

import io.manometer.analyzer.Analyzer;
import io.manometer.analyzer.detect.Detector;
import io.manometer.analyzer.detect.DetectorRegistry;
import io.manometer.analyzer.detect.Finding;
import io.manometer.analyzer.detect.Preferences;
import io.manometer.analyzer.detect.Severity;
import io.manometer.analyzer.reading.RecordingReadException;
import io.manometer.analyzer.report.RecordingResult;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Records each test with the agent's events and judges the recording when the test ends; a test
 * that shows missing backpressure fails with the finding as its message. A test that failed on its
 * own keeps its own failure. Used through {@link DetectBackpressure} (or {@code @ExtendWith}, with
 * the annotation's defaults).
 */
public final class ManometerExtension implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ManometerExtension.class);
    private static final String RECORDING = "recording";

    @Override
    public void beforeEach(ExtensionContext context) {
        DetectBackpressure settings = settings(context);
        AgentAttachment.Outcome how = AgentAttachment.ensure();
        if (how == AgentAttachment.Outcome.ATTACHED_NOW) {
            context.publishReportEntry("manometer", "agent attached at run time: what was made before it is named where it is fed");
        }
        TestRecording recording = TestRecording.start(context.getDisplayName(),
                Duration.ofMillis(settings.samplePeriodMillis()));
        context.getStore(NAMESPACE).put(RECORDING, recording);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        TestRecording recording = context.getStore(NAMESPACE).remove(RECORDING, TestRecording.class);
        if (recording == null) {
            return;
        }
        Path file;
        try (recording) {
            file = recording.stopInto(recordingFile(context));
        }
        if (context.getExecutionException().isPresent()) {
            return; // its own failure says more; the recording stays for whoever wants it
        }
        DetectBackpressure settings = settings(context);
        Severity gate = gate(settings.failOn());
        RecordingResult result;
        try {
            result = new Analyzer(testScale(settings)).analyse(file).result();
        } catch (RecordingReadException e) {
            throw new IllegalStateException("Manometer: the test's recording could not be read: " + e.getMessage(), e);
        }
        for (String gap : result.gaps()) { // a pass with a gap is no clean bill of health: say so
            context.publishReportEntry("manometer", "not everything was watched: " + gap);
        }
        List<Finding> failing = result.findings().stream().filter(f -> f.severity().atLeast(gate)).toList();
        if (!failing.isEmpty()) {
            throw new AssertionError(message(context, failing, file));
        }
    }

    private static DetectBackpressure settings(ExtensionContext context) {
        Optional<DetectBackpressure> onMethod = context.getElement()
                .flatMap(e -> AnnotationSupport.findAnnotation(e, DetectBackpressure.class));
        return onMethod.or(() -> context.getTestClass()
                        .flatMap(c -> AnnotationSupport.findAnnotation((AnnotatedElement) c, DetectBackpressure.class)))
                .orElse(Defaults.class.getAnnotation(DetectBackpressure.class));
    }

    /** Carries the annotation's defaults, for a test that uses {@code @ExtendWith} alone. */
    @DetectBackpressure
    private static final class Defaults {}

    private static Severity gate(String failOn) {
        try {
            return Severity.ofLabel(failOn);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Manometer: @DetectBackpressure(failOn) " + e.getMessage(), e);
        }
    }

    /** The detectors' thresholds scaled to a test of seconds: its warm-up and the growth it must show. */
    private static Preferences testScale(DetectBackpressure settings) {
        Map<String, String> values = new HashMap<>();
        for (Detector d : DetectorRegistry.all()) {
            for (Detector.Preference p : d.preferences()) {
                if (p.key().equals("warmupSeconds")) {
                    values.put(d.id() + "." + p.key(), Double.toString(settings.warmupSeconds()));
                } else if (p.key().equals("minDurationSeconds")) {
                    values.put(d.id() + "." + p.key(), Double.toString(settings.minDurationSeconds()));
                }
            }
        }
        return new Preferences(values);
    }

    /** target/manometer/junit/ in a build (the working directory has a target/), else a temporary directory. */
    private static Path recordingFile(ExtensionContext context) throws IOException {
        Path dir = Files.isDirectory(Path.of("target")) ? Path.of("target", "manometer", "junit")
                : Files.createTempDirectory("manometer-junit");
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        return dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".jfr");
    }

    private static String message(ExtensionContext context, List<Finding> failing, Path file) {
        StringBuilder text = new StringBuilder("Manometer: missing backpressure in ")
                .append(context.getRequiredTestClass().getSimpleName()).append('.')
                .append(context.getRequiredTestMethod().getName()).append("():");
        for (Finding f : failing) {
            text.append("\n  ").append(f.severity().name()).append(' ').append(f.kind()).append(" at ").append(f.site())
                    .append(": ").append(f.summary())
                    .append("\n    why: ").append(f.explanation())
                    .append("\n    fix: ").append(f.solution());
        }
        return text.append("\n  (recording: ").append(file).append(')').toString();
    }
}

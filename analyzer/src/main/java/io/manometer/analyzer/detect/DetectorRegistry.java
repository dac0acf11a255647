package io.manometer.analyzer.detect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The one place that says which detectors run: every {@link Detector} registered in
 * {@code META-INF/services/io.manometer.analyzer.detect.Detector}, found by {@link ServiceLoader}
 * as JDK Mission Control finds its rules, in the order registered (the report's order). Adding a
 * detector is one class and one line there; a jar of detectors on the class path joins them the
 * same way. Every front end (the CLI, the Maven plugin, the JUnit extension, the live judge in the
 * agent) judges with this list.
 */
public final class DetectorRegistry {
    private DetectorRegistry() {}

    /** Found once: the detectors hold no state of a recording, so one set serves every analysis. */
    private static final class Loaded {
        static final List<Detector> ALL = load(DetectorRegistry.class.getClassLoader());
    }

    /** Every registered detector, in report order. */
    public static List<Detector> all() {
        return Loaded.ALL;
    }

    /**
     * The detectors {@code loader} registers. A registration that cannot be loaded, two detectors
     * with one id, or none at all is a broken installation, said in one line, never a silent gap.
     */
    static List<Detector> load(ClassLoader loader) {
        List<Detector> detectors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try {
            for (Detector detector : ServiceLoader.load(Detector.class, loader)) {
                if (!ids.add(detector.id())) {
                    throw new IllegalStateException("two detectors are registered as " + detector.id());
                }
                detectors.add(detector);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a registered detector could not be loaded: " + e.getMessage(), e);
        }
        if (detectors.isEmpty()) {
            throw new IllegalStateException("no detector is registered (META-INF/services/"
                    + Detector.class.getName() + " is missing from the class path)");
        }
        return List.copyOf(detectors);
    }
}

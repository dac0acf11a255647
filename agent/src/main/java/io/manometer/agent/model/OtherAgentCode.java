package io.manometer.agent.model;

import io.manometer.schema.StackFrames;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Whether a class belongs to another Java agent running beside this one (an APM agent): its
 * queues and executors are that agent's, never the application's buffers, and it is never
 * instrumented or named as a site. Known by any of:
 * <ul>
 *   <li>a well-known agent's package ({@link StackFrames#isKnownAgent});</li>
 *   <li>defined by the boot loader outside the JDK: agents append their bootstrap jars there;</li>
 *   <li>coming from a jar whose manifest names a {@code Premain-Class} or {@code Agent-Class};</li>
 *   <li>defined by a class loader that is itself such a class: the isolated loader an agent keeps
 *       its implementation in (the OpenTelemetry agent's copy of Byte Buddy, the Elastic agent's
 *       copy of a cache library, which use queues of their own while classes load on the
 *       application's threads).</li>
 * </ul>
 */
public final class OtherAgentCode {
    private static final String OWN_BRIDGE_PACKAGE = "io.manometer.agent.bootstrap.";
    private static final String OWN_PACKAGE = "io.manometer.agent.";

    private static final ClassValue<Boolean> OWNED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            String name = type.getName();
            if (StackFrames.isJdk(name)) {
                return false;
            }
            ClassLoader loader = type.getClassLoader();
            if (loader == null) {
                return !name.startsWith(OWN_BRIDGE_PACKAGE); // agents append their bootstrap jars there
            }
            return StackFrames.isKnownAgent(name) || isAgentLoader(loader) || fromAgentJar(type);
        }
    };

    private static final ClassValue<Boolean> AGENT_LOADER_CLASS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> loaderClass) {
            return OWNED.get(loaderClass);
        }
    };

    /** Code source location to whether its jar is an agent's: a handful of jars, each read once. */
    private static final ConcurrentHashMap<String, Boolean> AGENT_JARS = new ConcurrentHashMap<>();

    private OtherAgentCode() {}

    public static boolean owns(Class<?> type) {
        return OWNED.get(type);
    }

    /** Whether a class being loaded, known by its loader and name, is another agent's. */
    public static boolean owns(ClassLoader loader, String className) {
        return !StackFrames.isJdk(className)
                && (StackFrames.isKnownAgent(className) || loader != null && isAgentLoader(loader));
    }

    private static boolean isAgentLoader(ClassLoader loader) {
        return AGENT_LOADER_CLASS.get(loader.getClass());
    }

    private static boolean fromAgentJar(Class<?> type) {
        if (type.getName().startsWith(OWN_PACKAGE)) {
            return false;
        }
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null || !"file".equals(location.getProtocol())) {
                return false;
            }
            return AGENT_JARS.computeIfAbsent(location.toString(), key -> isAgentJar(location));
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean isAgentJar(URL location) {
        try {
            Path path = Path.of(location.toURI());
            if (!Files.isRegularFile(path)) {
                return false;
            }
            try (JarFile jar = new JarFile(path.toFile(), false)) {
                Manifest manifest = jar.getManifest();
                Attributes main = manifest == null ? null : manifest.getMainAttributes();
                return main != null && (main.getValue("Premain-Class") != null || main.getValue("Agent-Class") != null);
            }
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}

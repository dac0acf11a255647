package io.manometer.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Defines the bridge classes (shipped under {@value #PREFIX} in the agent jar) in the bootstrap
 * class loader.
 *
 * <p>Why not {@link Instrumentation#appendToBootstrapClassLoaderSearch}: appending makes the JVM
 * print a class-data-sharing warning and turns CDS off for application classes. Defining a
 * handful of classes through {@code jdk.internal.misc.Unsafe}, which the agent may open to itself
 * through {@link Instrumentation#redefineModule}, has neither effect.
 */
public final class BootstrapInjector {
    static final String PREFIX = "manometer-bootstrap/";
    /**
     * The bridge, named here rather than found by scanning the jar (a test checks the two agree),
     * superclasses before their subclasses: each is defined as it is read.
     */
    static final List<String> BRIDGE_CLASSES = List.of(
            "io.manometer.agent.bootstrap.BridgeHooks",
            "io.manometer.agent.bootstrap.CounterPadding",
            "io.manometer.agent.bootstrap.CounterPadding$LeadingPad",
            "io.manometer.agent.bootstrap.CounterPadding$InsertSide",
            "io.manometer.agent.bootstrap.CounterPadding$MiddlePad",
            "io.manometer.agent.bootstrap.CounterPadding$RemoveSide",
            "io.manometer.agent.bootstrap.BufferCounters",
            "io.manometer.agent.bootstrap.OutboundCounters",
            "io.manometer.agent.bootstrap.AtomicCounting",
            "io.manometer.agent.bootstrap.Bridge");
    private static final String PROBE_CLASS = "io.manometer.agent.bootstrap.Bridge";

    private BootstrapInjector() {}

    /** Returns the boot loader's unnamed module, which now holds the bridge. */
    public static Module inject(Instrumentation inst) throws Exception {
        Class<?> already = findBootstrapClass(PROBE_CLASS);
        if (already != null) {
            return already.getModule(); // a second agent instance (e.g. attached twice)
        }
        Module javaBase = Object.class.getModule();
        Module self = BootstrapInjector.class.getModule();
        inst.redefineModule(javaBase, Set.of(), Map.of(), Map.of("jdk.internal.misc", Set.of(self)),
                Set.of(), Map.of());
        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        Method define = unsafeClass.getMethod("defineClass", String.class, byte[].class, int.class,
                int.class, ClassLoader.class, java.security.ProtectionDomain.class);
        for (ClassBytes c : bootstrapClasses()) {
            define.invoke(unsafe, c.name, c.bytes, 0, c.bytes.length, null, null);
        }
        Class<?> bridge = findBootstrapClass(PROBE_CLASS);
        if (bridge == null) {
            throw new IllegalStateException("bridge class not visible from the bootstrap loader after injection");
        }
        return bridge.getModule();
    }

    /**
     * Lets the named modules whose classes are instrumented link against the bridge: a named
     * module reads an unnamed module only when told to.
     */
    public static void addReadEdge(Instrumentation inst, Module from, Module bridgeModule) {
        if (from.isNamed() && !from.canRead(bridgeModule)) {
            inst.redefineModule(from, Set.of(bridgeModule), Map.of(), Map.of(), Set.of(), Map.of());
        }
    }

    private static Class<?> findBootstrapClass(String name) {
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private record ClassBytes(String name, byte[] bytes) {}

    private static List<ClassBytes> bootstrapClasses() throws IOException {
        List<ClassBytes> classes = new ArrayList<>();
        for (String name : BRIDGE_CLASSES) {
            String resource = "/" + PREFIX + name.replace('.', '/') + ".class";
            try (InputStream in = BootstrapInjector.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("bridge class " + resource + " missing from the agent jar");
                }
                classes.add(new ClassBytes(name, in.readAllBytes()));
            }
        }
        return classes;
    }
}

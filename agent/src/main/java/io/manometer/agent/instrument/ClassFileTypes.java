package io.manometer.agent.instrument;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Describes a class being defined, from its bytes as the transformers before this one left them.
 * Another agent may have added types this agent cannot find (Datadog's agent makes the JDK's
 * executors implement an interface from the jar it appended to the boot class path), so types are
 * resolved lazily, only if the rewrite needs them, and boot classes are also looked up through the
 * system loader, which sees what agents appended.
 */
final class ClassFileTypes {
    private ClassFileTypes() {}

    static ClassFileLocator locator(String name, byte[] classFile, ClassLoader loader) {
        return new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile), loader == null
                ? new ClassFileLocator.Compound(ClassFileLocator.ForClassLoader.ofBootLoader(),
                        ClassFileLocator.ForClassLoader.ofSystemLoader())
                : ClassFileLocator.ForClassLoader.of(loader));
    }

    static TypeDescription describe(String name, ClassFileLocator locator) {
        return TypePool.Default.WithLazyResolution.of(locator).describe(name).resolve();
    }
}

package io.manometer.jmc;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.testkit.ChildJvm;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The jar installs into JDK Mission Control as a plug-in: in Equinox (the OSGi framework JMC's
 * desktop runs on) beside JMC's own bundles from Maven Central, it resolves and starts, and its
 * rules load from its own class loader as JMC's ruleProvider extension loads them; its plugin.xml
 * extends the point JMC's own rule bundle extends.
 */
class JmcBundleIT {
    @TempDir
    Path storage;

    @Test
    void theJarIsABundleThatResolvesBesideJmcsAndServesItsRules() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework osgi = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        osgi.start();
        try {
            List<Bundle> jmc = new ArrayList<>();
            for (Class<?> jmcClass : List.of(org.openjdk.jmc.common.IDisplayable.class,
                    org.openjdk.jmc.flightrecorder.JfrLoaderToolkit.class, IRule.class,
                    org.owasp.encoder.Encode.class, net.jpountz.lz4.LZ4Factory.class)) {
                jmc.add(install(osgi, jarOf(jmcClass)));
            }
            Bundle ours = install(osgi, ChildJvm.builtFile("manometer.jmcJar"));
            ours.start(); // resolves it: a missing bundle or package fails here
            assertThat(ours.getState()).isEqualTo(Bundle.ACTIVE);
            assertThat(ours.getSymbolicName()).isEqualTo("io.manometer.jmc");

            // As JMC's ExtensionRuleProvider does: the bundle's own class loader reads its services.
            ClassLoader loader = ours.adapt(BundleWiring.class).getClassLoader();
            Class<?> ruleType = loader.loadClass(IRule.class.getName());
            List<String> ids = new ArrayList<>();
            for (Object rule : ServiceLoader.load(ruleType, loader)) {
                ids.add((String) ruleType.getMethod("getId").invoke(rule));
            }
            assertThat(ids).contains("manometer.executor-backlog", "manometer.queue-backlog").doesNotHaveDuplicates();
        } finally {
            osgi.stop();
            osgi.waitForStop(10_000);
        }
    }

    @Test
    void itsPluginXmlExtendsThePointJmcsOwnRulesExtend() throws Exception {
        String ours;
        try (JarFile jar = new JarFile(ChildJvm.builtFile("manometer.jmcJar").toFile())) {
            ours = new String(jar.getInputStream(jar.getEntry("plugin.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(jar.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"))
                    .as("a bundle with extensions must be a singleton").contains("singleton:=true");
        }
        String jmcs;
        try (JarFile jar = new JarFile(jarOf(org.openjdk.jmc.flightrecorder.rules.jdk.cpu.CompareCpuRule.class)
                .toFile())) {
            jmcs = new String(jar.getInputStream(jar.getEntry("plugin.xml")).readAllBytes(), StandardCharsets.UTF_8);
        }
        String point = "point=\"org.openjdk.jmc.flightrecorder.rules.ruleProvider\"";
        assertThat(jmcs).contains(point);
        assertThat(ours).contains(point).contains("<ruleProvider>");
    }

    private static Bundle install(Framework osgi, Path jar) throws Exception {
        try (InputStream in = Files.newInputStream(jar)) {
            return osgi.getBundleContext().installBundle(jar.toUri().toString(), in);
        }
    }

    private static Path jarOf(Class<?> type) throws Exception {
        URL location = type.getProtectionDomain().getCodeSource().getLocation();
        return Path.of(location.toURI());
    }
}

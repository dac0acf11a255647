package io.manometer.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.testkit.ChildJvm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** What the shipped jar must and must not contain. */
class AgentJarIT {

    @Test
    void bridgeListMatchesTheBridgeClassesInTheJar() throws Exception {
        List<String> inJar = new ArrayList<>();
        try (JarFile jar = new JarFile(ChildJvm.builtFile("manometer.agentJar").toFile())) {
            Collections.list(jar.entries()).stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("manometer-bootstrap/") && n.endsWith(".class"))
                    .filter(n -> !n.endsWith("package-info.class"))
                    .map(n -> n.substring("manometer-bootstrap/".length(), n.length() - 6).replace('/', '.'))
                    .forEach(inJar::add);
        }
        assertThat(inJar).containsExactlyInAnyOrderElementsOf(BootstrapInjector.BRIDGE_CLASSES).isNotEmpty();
    }

    @Test
    void byteBuddyIsRelocatedAndTheBridgeCannotBeLoadedFromTheClassPath() throws Exception {
        try (JarFile jar = new JarFile(ChildJvm.builtFile("manometer.agentJar").toFile())) {
            assertThat(Collections.list(jar.entries())).extracting(e -> e.getName())
                    .noneMatch(n -> n.startsWith("net/") || n.contains("/net/bytebuddy/") && !n.contains("/shaded/"))
                    .noneMatch(n -> n.startsWith("io/manometer/agent/bootstrap/"))
                    .anyMatch(n -> n.startsWith("io/manometer/agent/shaded/net/bytebuddy/"))
                    // The event contract: its names are compiled in as constants, so only the frame
                    // format ships, relocated so that an application's own copy cannot clash with it.
                    .noneMatch(n -> n.startsWith("io/manometer/schema/") || n.contains("EventSchema"))
                    .contains("io/manometer/agent/shaded/schema/StackFrames.class");
            Manifest manifest = jar.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Premain-Class")).isEqualTo("io.manometer.agent.ManometerAgent");
            assertThat(manifest.getMainAttributes().getValue("Can-Retransform-Classes")).isEqualTo("true");
        }
    }
}

package io.manometer.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchedMainClassTest {
    @TempDir
    Path dir;

    @Test
    void aClassOrAModuleAndClassAsLaunched() {
        assertThat(LaunchedMainClass.fromCommand("com.acme.shop.Main --port 8080")).isEqualTo("com.acme.shop.Main");
        assertThat(LaunchedMainClass.fromCommand("shop/com.acme.shop.Main")).isEqualTo("com.acme.shop.Main");
        assertThat(LaunchedMainClass.fromCommand("")).isEmpty();
    }

    @Test
    void aSourceFileLaunchNamesNoClass() {
        assertThat(LaunchedMainClass.fromCommand("jdk.compiler/com.sun.tools.javac.launcher.Main Main.java"))
                .isEqualTo("com.sun.tools.javac.launcher.Main"); // the JDK's: declares nothing
        assertThat(LaunchedMainClass.fromCommand("Main.java a b")).isEmpty();
    }

    @Test
    void anExecutableJarsStartClassBeatsItsLauncher() throws IOException {
        Path boot = jar("app with spaces.jar", "org.springframework.boot.loader.launch.JarLauncher", "com.acme.shop.App");
        Path plain = jar("plain.jar", "com.acme.tool.Main", null);
        assertThat(LaunchedMainClass.fromCommand(boot + " --server.port=0")).isEqualTo("com.acme.shop.App");
        assertThat(LaunchedMainClass.fromCommand(plain.toString())).isEqualTo("com.acme.tool.Main");
        assertThat(LaunchedMainClass.fromCommand(dir.resolve("missing.jar").toString())).isEmpty();
    }

    private Path jar(String name, String mainClass, String startClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        if (startClass != null) {
            manifest.getMainAttributes().putValue("Start-Class", startClass);
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}

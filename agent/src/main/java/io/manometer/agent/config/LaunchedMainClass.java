package io.manometer.agent.config;

import java.io.File;
import java.io.IOException;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class the JVM was launched to run, as the launcher recorded it: {@code java com.acme.Main},
 * {@code java -m app/com.acme.Main}, or {@code java -jar app.jar} (its manifest's
 * {@code Start-Class} when it has one, as a Spring Boot executable jar does, else its
 * {@code Main-Class}). Empty when it cannot be told, e.g. a single-file source launch.
 */
public final class LaunchedMainClass {
    private LaunchedMainClass() {}

    public static String find() {
        return fromCommand(System.getProperty("sun.java.command", ""));
    }

    static String fromCommand(String command) {
        String trimmed = command.trim();
        if (trimmed.isEmpty()) {
            return "";
        }
        String jar = leadingJar(trimmed);
        if (jar != null) {
            return fromManifest(jar);
        }
        int space = trimmed.indexOf(' ');
        String first = space < 0 ? trimmed : trimmed.substring(0, space);
        if (first.endsWith(".jar")) {
            return ""; // a jar no longer there
        }
        int slash = first.indexOf('/'); // module/class
        String main = slash < 0 ? first : first.substring(slash + 1);
        return main.endsWith(".java") ? "" : main;
    }

    /** The jar the command starts with; its path may hold spaces, so the longest existing file wins. */
    private static String leadingJar(String command) {
        String found = null;
        for (int at = command.indexOf(".jar"); at >= 0; at = command.indexOf(".jar", at + 1)) {
            String candidate = command.substring(0, at + 4);
            if (new File(candidate).isFile()) {
                found = candidate;
            }
        }
        return found;
    }

    private static String fromManifest(String jar) {
        try (JarFile file = new JarFile(jar, false)) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return "";
            }
            Attributes main = manifest.getMainAttributes();
            String start = main.getValue("Start-Class");
            String declared = start != null ? start : main.getValue(Attributes.Name.MAIN_CLASS);
            return declared == null ? "" : declared.trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}

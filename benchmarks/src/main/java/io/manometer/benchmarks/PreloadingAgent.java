package io.manometer.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Stands for an APM agent listed before Manometer: its premain loads the JDK's queue and executor
 * classes, so Manometer finds them loaded and counts them through its side table. With it first,
 * the same benchmarks measure the side-table path; without it, the field path.
 */
public final class PreloadingAgent {
    private PreloadingAgent() {}

    public static void premain(String args, Instrumentation inst) {
        new java.util.concurrent.LinkedBlockingQueue<Object>().offer(1);
        new java.util.concurrent.ArrayBlockingQueue<Object>(1).offer(1);
        new java.util.concurrent.ConcurrentLinkedQueue<Object>().offer(1);
        new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>()).shutdown();
    }

    /** A jar of this class alone, with the manifest of an agent: apart from the benchmarks' jar, whose code stays the application's. */
    static Path jar() throws IOException {
        Path jar = Files.createTempFile("preloading-agent", ".jar");
        jar.toFile().deleteOnExit();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", PreloadingAgent.class.getName());
        String entry = PreloadingAgent.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = PreloadingAgent.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}

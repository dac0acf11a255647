package io.manometer.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real JVM, the way a user would, and captures what it printed. The JDK is the one named by
 * the {@code manometer.test.javaHome} system property (set by the build), else the running one.
 */
public final class ChildJvm {
    private final List<String> arguments = new ArrayList<>();
    private final java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();
    private Path directory;
    private long timeoutSeconds = 120;

    /** What a finished child JVM left behind. */
    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    public static ChildJvm java() {
        return new ChildJvm();
    }

    public static Path javaHome() {
        return Path.of(System.getProperty("manometer.test.javaHome", System.getProperty("java.home")));
    }

    /** The feature version of the JDK the child JVMs run on (17, 25), from its {@code release} file. */
    public static int feature() {
        Path release = javaHome().resolve("release");
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return Integer.parseInt(line.substring("JAVA_VERSION=".length()).replace("\"", "").split("[.+-]")[0]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + release + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("no JAVA_VERSION in " + release);
    }

    /**
     * Runs the JVMs at once and returns what each left, in order. For runs whose assertions do not
     * depend on timing (a healthy twin stays quiet however slowly it runs); a run whose verdict must
     * come within seconds runs alone.
     */
    public static List<Result> runAll(List<ChildJvm> jvms) throws IOException, InterruptedException {
        java.util.concurrent.ExecutorService starter = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, jvms.size()));
        try {
            List<java.util.concurrent.Future<Result>> running = new ArrayList<>();
            for (ChildJvm jvm : jvms) {
                running.add(starter.submit(jvm::run));
            }
            List<Result> results = new ArrayList<>();
            for (java.util.concurrent.Future<Result> r : running) {
                try {
                    results.add(r.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return results;
        } finally {
            starter.shutdownNow();
        }
    }

    /** A required path handed over by the build, e.g. the agent jar; fails clearly when not built. */
    public static Path builtFile(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("system property " + property + " must name a built file, was " + value
                    + " (run 'mvn verify' from the project root)");
        }
        return Path.of(value);
    }

    public ChildJvm args(String... more) {
        arguments.addAll(List.of(more));
        return this;
    }

    /** Runs the JVM in {@code dir} rather than the test's working directory. */
    public ChildJvm directory(Path dir) {
        this.directory = dir;
        return this;
    }

    /** Adds an environment variable to the ones the test runs with. */
    public ChildJvm environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public ChildJvm timeoutSeconds(long seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    /** The stuck child's threads, by the JDK's own {@code jcmd}; what went wrong instead, if it cannot. */
    private static String threadDump(long pid) {
        try {
            Path dump = Files.createTempFile("child-jvm", ".threads");
            try {
                Process jcmd = new ProcessBuilder(javaHome().resolve("bin").resolve("jcmd").toString(),
                        Long.toString(pid), "Thread.print").redirectErrorStream(true).redirectOutput(dump.toFile()).start();
                if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
                    jcmd.destroyForcibly();
                    return "(jcmd Thread.print did not answer in 30 s)";
                }
                return Files.readString(dump, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(dump);
            }
        } catch (IOException | RuntimeException e) {
            return "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    /**
     * Starts the JVM and returns at once, its output discarded: for a test that acts on it while it
     * runs (kills it, attaches to it). The caller ends it.
     */
    public Process start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command());
        builder.environment().putAll(environment);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        return builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaHome().resolve("bin").resolve("java").toString());
        command.addAll(arguments);
        return command;
    }

    public Result run() throws IOException, InterruptedException {
        List<String> command = command();
        Path out = Files.createTempFile("child-jvm", ".out");
        Path err = Files.createTempFile("child-jvm", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                String threads = threadDump(process.pid()); // a hang that happens once in CI says where
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("child JVM did not finish in " + timeoutSeconds + " s: " + command
                        + "\nstdout:\n" + Files.readString(out, StandardCharsets.UTF_8)
                        + "\nstderr:\n" + Files.readString(err, StandardCharsets.UTF_8) + "\nthreads:\n" + threads);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

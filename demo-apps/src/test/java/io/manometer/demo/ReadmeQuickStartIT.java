package io.manometer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.testkit.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start, run as written: each command of its block (the build aside: this
 * build made the jars) in a fresh directory that sees the project's {@code agent/},
 * {@code analyzer-cli/} and {@code demo-apps/}, with the JDK under test first on the path. The
 * report must open as the README's example does: the same severity, kind and line.
 */
class ReadmeQuickStartIT {
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final String MARK = "<!-- tested: quick-start";

    @TempDir
    Path dir;

    @Test
    void theQuickStartFindsWhatTheReadmeShows() throws Exception {
        String readme = Files.readString(PROJECT.resolve("README.md"));
        List<String> commands = commands(readme);
        assertThat(commands).as("the quick start's commands").hasSizeGreaterThanOrEqualTo(2)
                .allMatch(c -> c.startsWith("java "));
        for (String module : List.of("agent", "analyzer-cli", "demo-apps")) {
            Files.createSymbolicLink(dir.resolve(module), PROJECT.resolve(module));
        }
        String report = "";
        int exit = -1;
        for (String command : commands) {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
            builder.environment().put("PATH", ChildJvm.javaHome().resolve("bin") + ":" + System.getenv("PATH"));
            Process p = builder.start();
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(command).isTrue();
            exit = p.exitValue();
            report = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        }
        List<String> example = example(readme);
        assertThat(exit).as(report).isEqualTo(1); // a critical finding fails the default gate
        assertThat(report).as("the report opens as the README's example")
                .contains(example.get(0).substring(0, example.get(0).indexOf(" grows by")))
                .contains(example.get(1));
    }

    /** The block after the mark, continuation lines joined, the build left out. */
    private static List<String> commands(String readme) {
        int at = readme.indexOf(MARK);
        assertThat(at).as("README marks its quick start").isNotNegative();
        int from = readme.indexOf("```sh\n", at) + "```sh\n".length();
        String block = readme.substring(from, readme.indexOf("```", from)).replace("\\\n", " ");
        List<String> commands = new ArrayList<>();
        for (String line : block.split("\n")) {
            String command = line.strip().replaceAll(" +", " ");
            if (!command.isEmpty() && !command.startsWith("mvn ")) {
                commands.add(command);
            }
        }
        return commands;
    }

    /** The example report's first two lines: the headline and its {@code at} line. */
    private static List<String> example(String readme) {
        int from = readme.indexOf("```\nCRITICAL") + "```\n".length();
        return readme.substring(from, readme.indexOf("```", from)).lines().limit(2).toList();
    }
}

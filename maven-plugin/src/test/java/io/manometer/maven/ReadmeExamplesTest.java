package io.manometer.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What docs/ci.md tells a user to add is what the sample projects CI builds add. */
class ReadmeExamplesTest {

    @ParameterizedTest
    @CsvSource({"maven-plugin, leaky-executor, manometer", "junit5, junit5-extension, manometer-junit5"})
    void theReadmeSnippetIsTheSampleProjects(String readmeMark, String sample, String sampleMark) throws IOException {
        String readme = Files.readString(Path.of("..", "docs", "ci.md"));
        int at = readme.indexOf("<!-- readme: " + readmeMark + " -->");
        assertThat(at).as("docs/ci.md marks its " + readmeMark + " snippet").isNotNegative();
        int from = readme.indexOf("```xml\n", at) + "```xml\n".length();
        String snippet = readme.substring(from, readme.indexOf("```", from));

        String pom = Files.readString(Path.of("src", "it", sample, "pom.xml"));
        int begin = pom.indexOf("<!-- " + sampleMark + ": begin -->");
        String region = pom.substring(pom.indexOf('\n', begin) + 1, pom.indexOf("<!-- " + sampleMark + ": end -->"));
        region = region.substring(0, region.lastIndexOf('\n') + 1)
                .replace("@project.version@", System.getProperty("manometer.version", "0.1.0-SNAPSHOT"));
        assertThat(snippet).isEqualTo(region);
    }

    @ParameterizedTest
    @CsvSource({"leaky-executor", "bounded-executor", "junit5-extension"})
    void everySampleHasAVerifyScript(String sample) {
        assertThat(Path.of("src", "it", sample, "verify.groovy")).isRegularFile();
        assertThat(Path.of("src", "it", sample, "invoker.properties")).isRegularFile();
    }
}

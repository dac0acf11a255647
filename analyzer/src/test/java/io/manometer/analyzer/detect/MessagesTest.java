package io.manometer.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message a detector builds exists, and every {n} in it is explained beside its key. */
class MessagesTest {
    private static final String FILE = "/" + Messages.BUNDLE_NAME.replace('.', '/') + ".properties";

    @Test
    void everyKindHasASummaryAnExplanationAndASolution() throws IOException {
        Properties messages = messages();
        for (Detector d : DetectorRegistry.all()) {
            assertThat(d.kinds()).as(d.id()).isNotEmpty();
            for (String kind : d.kinds()) {
                assertThat(messages).as(d.id() + " reports " + kind)
                        .containsKeys(kind + ".summary", kind + ".explanation", kind + ".solution");
            }
        }
    }

    @Test
    void noApostropheIsTakenForAQuoteByMessageFormat() throws IOException {
        // Every message but a setting's words goes through MessageFormat, where a lone ' starts a
        // quote and vanishes: "the OS's limit" would read "the OSs limit".
        Properties messages = messages();
        for (String key : messages.stringPropertyNames()) {
            if (!key.startsWith("setting.") && !key.contains(".setting.")) {
                assertThat(messages.getProperty(key).replace("''", "")).as(key).doesNotContain("'");
            }
        }
    }

    @Test
    void everyKeyNamedInADetectorExists() throws IOException {
        Properties messages = messages();
        // Messages.format("key", ...) names a key; Messages.format("prefix." + x, ...) a family of keys.
        Pattern literal = Pattern.compile("Messages\\.format\\(\\s*\"([^\"]+)\"\\s*(\\+)?");
        Pattern constant = Pattern.compile("Messages\\.format\\(\\s*(ID|[A-Z_]+)\\s*\\+\\s*\"([^\"]+)\"");
        List<String> named = new ArrayList<>();
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/io/manometer/analyzer/detect"))) {
            for (Path source : sources.toList()) {
                String code = Files.readString(source);
                Matcher m = literal.matcher(code);
                while (m.find()) {
                    String key = m.group(1);
                    named.add(key);
                    if (m.group(2) == null) {
                        assertThat(messages).as(source.getFileName() + " formats " + key).containsKey(key);
                    } else {
                        assertThat(messages.stringPropertyNames()).as(source.getFileName() + " formats " + key + "...")
                                .anyMatch(k -> k.startsWith(key));
                    }
                }
                Matcher c = constant.matcher(code);
                while (c.find()) {
                    named.add(c.group(2));
                }
            }
        }
        assertThat(named).as("keys found in the detectors' code").hasSizeGreaterThan(10);
    }

    @Test
    void everyPlaceholderIsExplainedInTheCommentAboveItsGroup() throws IOException {
        List<String> lines;
        try (InputStream in = Messages.class.getResourceAsStream(FILE)) {
            lines = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().toList();
        }
        StringBuilder comment = new StringBuilder();
        String key = null;
        StringBuilder value = new StringBuilder();
        Pattern placeholder = Pattern.compile("\\{(\\d+)[,}]");
        List<String> unexplained = new ArrayList<>();
        for (String line : lines) {
            if (key != null) { // a continued value
                value.append(line);
            } else if (line.isBlank()) {
                comment.setLength(0);
                continue;
            } else if (line.startsWith("#")) {
                comment.append(line).append('\n');
                continue;
            } else {
                key = line.substring(0, line.indexOf('='));
                value.append(line.substring(line.indexOf('=') + 1));
            }
            if (line.endsWith("\\")) {
                value.setLength(value.length() - 1);
                continue;
            }
            Matcher m = placeholder.matcher(value);
            while (m.find()) {
                if (!comment.toString().contains("{" + m.group(1) + "}")) {
                    unexplained.add(key + " {" + m.group(1) + "}");
                }
            }
            key = null;
            value.setLength(0);
        }
        assertThat(unexplained).isEmpty();
    }

    @Test
    void everyDetectorAndSettingIsDescribed() {
        for (Detector d : DetectorRegistry.all()) {
            assertThat(d.description()).as(d.id()).isNotBlank();
            for (Detector.Preference p : d.preferences()) {
                assertThatCode(() -> assertThat(d.describe(p)).isNotBlank()).as(d.id() + "." + p.key())
                        .doesNotThrowAnyException();
            }
        }
    }

    private static Properties messages() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(FILE)) {
            p.load(in);
        }
        return p;
    }
}

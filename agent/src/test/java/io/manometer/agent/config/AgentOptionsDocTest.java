package io.manometer.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The options table in docs/agent.md is {@link AgentOptions.Key}, row for row: the two can no longer
 * disagree. When it fails, paste the table it prints between the markers.
 */
class AgentOptionsDocTest {
    private static final String BEGIN =
            "<!-- options: generated from AgentOptions.Key; AgentOptionsDocTest keeps them equal -->";
    private static final String END = "<!-- options: end -->";

    static String table() {
        List<String> rows = new ArrayList<>(List.of("| option | default | meaning |", "|---|---|---|"));
        for (AgentOptions.Key key : AgentOptions.Key.values()) {
            rows.add("| `" + key.name + "` | " + (key.defaultValue.isEmpty() ? "(empty)" : "`" + key.defaultValue + "`")
                    + " | " + key.description + " |");
        }
        return String.join("\n", rows) + "\n";
    }

    @Test
    void theDocumentedOptionsAreTheAgentsOwn() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "agent.md"));
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/agent.md marks its options table").isNotNegative();
        assertThat(doc.substring(begin + BEGIN.length() + 1, end)).as("docs/agent.md's options table").isEqualTo(table());
    }
}

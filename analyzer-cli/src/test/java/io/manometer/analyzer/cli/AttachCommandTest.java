package io.manometer.analyzer.cli;

import static io.manometer.analyzer.cli.AnalyzeCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What attach says, in one line and with its own exit code, when it cannot do its job. */
class AttachCommandTest {
    @TempDir
    Path dir;

    private Path fakeAgent() throws Exception {
        return Files.writeString(dir.resolve("manometer-agent.jar"), "not used: attaching fails first");
    }

    @Test
    void aProcessThatIsNoJvmOfOursCannotBeAttachedTo() throws Exception {
        AnalyzeCommandTest.Run run = run("attach", "2147483646", "--agent", fakeAgent().toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.CANNOT_ATTACH);
        assertThat(run.err().strip()).startsWith("manometer: cannot attach to 2147483646: ")
                .endsWith("nothing was recorded").doesNotContain("\n").doesNotContain("Exception:");
    }

    @Test
    void aMissingAgentJarIsAUsageError() {
        AnalyzeCommandTest.Run run = run("attach", "1", "--agent", dir.resolve("nowhere.jar").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("the agent jar was not found at").contains("--agent");
    }

    @Test
    void aBadDurationIsAUsageError() throws Exception {
        AnalyzeCommandTest.Run run = run("attach", "1", "--duration", "soon", "--agent", fakeAgent().toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'soon' is not a duration");
    }

    @Test
    void jvmsListsThisTestsJvmNeighboursNotItself() {
        AnalyzeCommandTest.Run run = run("jvms");
        assertThat(run.exit()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).doesNotContain(ProcessHandle.current().pid() + " ");
    }
}

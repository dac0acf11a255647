package io.manometer.agent.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that dies while its dump is being filtered leaves the whole, unfiltered copy behind; the
 * next agent removes it, and leaves alone what a living JVM is writing and what is not a leftover.
 */
class EvidenceDumpLeftoversTest {
    @TempDir
    Path dir;

    @Test
    void unfilteredCopiesOfDeadProcessesAreRemovedAndNothingElse() throws IOException {
        long living = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        long dead = deadPid();
        Path ofTheDead = Files.createFile(dir.resolve(".manometer-" + dead + "-20261207-101010" + EvidenceDump.UNFILTERED));
        Path ofTheLiving = Files.createFile(dir.resolve(".manometer-" + living + "-20261207-101010" + EvidenceDump.UNFILTERED));
        Path filtered = Files.createFile(dir.resolve("manometer-" + dead + "-20261207-101010.jfr"));
        Path unrelated = Files.createFile(dir.resolve(".manometer-notapid" + EvidenceDump.UNFILTERED));

        EvidenceDump.removeUnfilteredLeftovers(dir);

        assertThat(ofTheDead).doesNotExist();
        assertThat(ofTheLiving).exists();
        assertThat(filtered).exists();
        assertThat(unrelated).exists();
    }

    @Test
    void theDumpsNamesCarryTheirPid() {
        assertThat(EvidenceDump.pidIn("manometer-4242-20261207-101010-recording-3.jfr")).isEqualTo(4242);
        assertThat(EvidenceDump.pidIn("manometer-x-1.jfr")).isEqualTo(-1);
        assertThat(EvidenceDump.pidIn("other-4242-1.jfr")).isEqualTo(-1);
    }

    private static long deadPid() throws IOException {
        try {
            Process p = new ProcessBuilder("true").start();
            p.waitFor();
            return p.pid();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}

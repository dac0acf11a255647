package io.manometer.agent.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the agent writes: new owner-only files, never one it did not make, never a directory opened to others. */
class PrivateFilesTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileIsOwnerOnlyAndATakenNameIsNeverOverwritten() throws IOException {
        Path someoneElses = Files.writeString(dir.resolve("manometer-1.jfr"), "not ours");
        Path ours = PrivateFiles.createNew(dir, "manometer-1", ".jfr");
        assertThat(ours.getFileName().toString()).isEqualTo("manometer-1-1.jfr");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ours))).isEqualTo("rw-------");
        assertThat(Files.readString(someoneElses)).isEqualTo("not ours");
    }

    @Test
    void aChosenDirectoryIsMadeOwnerOnly() throws IOException {
        Path made = PrivateFiles.directory(dir.resolve("dumps").toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rwx------");
    }

    @Test
    void theDefaultDirectoryIsRefusedWhenOthersCanEnterIt() throws IOException {
        String tmp = System.getProperty("java.io.tmpdir");
        try {
            System.setProperty("java.io.tmpdir", dir.toString());
            Path preMade = PrivateFiles.defaultDirectory();
            Files.createDirectories(preMade);
            Files.setPosixFilePermissions(preMade, PosixFilePermissions.fromString("rwxrwxrwx"));
            assertThatThrownBy(() -> PrivateFiles.directory("")).isInstanceOf(IOException.class)
                    .hasMessageContaining("closed to others");
            Files.setPosixFilePermissions(preMade, PosixFilePermissions.fromString("rwx------"));
            assertThat(PrivateFiles.directory("")).isEqualTo(preMade.toAbsolutePath());
        } finally {
            System.setProperty("java.io.tmpdir", tmp);
        }
    }

    @Test
    void anAlertLogTheUserMadeIsAppendedToAsItIs() throws IOException {
        Path log = Files.writeString(dir.resolve("alerts.log"), "earlier\n");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r-----"));
        PrivateFiles.createIfMissing(log);
        assertThat(Files.readString(log)).isEqualTo("earlier\n");
        Path fresh = dir.resolve("new.log");
        PrivateFiles.createIfMissing(fresh);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
    }
}

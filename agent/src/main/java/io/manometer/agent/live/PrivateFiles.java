package io.manometer.agent.live;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where the agent writes, and how: every file it creates is new (never one it did not create) and
 * readable by the JVM's user alone, in a directory the user chose or, by default, a directory of
 * that user's own under the JVM's temporary directory, never the working directory of a process
 * that may sit in a source tree. A recording holds the application's class and method names, and
 * whatever other recordings in the JVM enabled.
 */
final class PrivateFiles {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final int MAX_SUFFIX = 1000;

    private PrivateFiles() {}

    /** The default directory: {@code <java.io.tmpdir>/manometer-<user>}. */
    static Path defaultDirectory() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "manometer-" + user);
    }

    /**
     * The directory to write into, created owner-only when missing. The default one, under a
     * temporary directory others can write to, must also be a real directory (not a link) of this
     * user's, closed to others: anyone may have made it first.
     */
    static Path directory(String configured) throws IOException {
        boolean chosen = !configured.isBlank();
        Path dir = where(configured);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (posix(dir.getParent())) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (!chosen && posix(dir)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            boolean mine = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName()
                    .equals(System.getProperty("user.name"));
            if (!mine || !OWNER_DIRECTORY.containsAll(permissions)) {
                throw new IOException(dir + " is not a directory of this user's closed to others; "
                        + "set dump.dir to one that is");
            }
        }
        return dir;
    }

    /** The directory to write into, as {@link #directory} checks it, if it exists already; else null. */
    static Path existingDirectory(String configured) throws IOException {
        return Files.isDirectory(where(configured), LinkOption.NOFOLLOW_LINKS) ? directory(configured) : null;
    }

    private static Path where(String configured) {
        return (configured.isBlank() ? defaultDirectory() : Path.of(configured)).toAbsolutePath();
    }

    /**
     * A new, empty, owner-only file {@code base + suffix} in {@code dir}, or {@code base-1 + suffix},
     * {@code base-2 + suffix}, ... when that name is taken: never a file someone else made.
     */
    static Path createNew(Path dir, String base, String suffix) throws IOException {
        FileAttribute<?>[] owner = posix(dir)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)} : new FileAttribute<?>[0];
        for (int n = 0; n < MAX_SUFFIX; n++) {
            Path file = dir.resolve(base + (n == 0 ? "" : "-" + n) + suffix);
            try {
                return Files.createFile(file, owner);
            } catch (FileAlreadyExistsException taken) {
                // the next name
            }
        }
        throw new IOException("no free name for " + base + suffix + " in " + dir);
    }

    /** Creates {@code file} owner-only unless it exists: a log the user named is appended to, never replaced. */
    static void createIfMissing(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (posix(dir)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException exists) {
            // appended to, as it is
        }
    }

    /** Makes an existing file the agent created owner-only (JFR may have replaced it under the same name). */
    static void restrict(Path file) throws IOException {
        if (posix(file.getParent())) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
    }

    private static boolean posix(Path path) {
        return path != null && Files.exists(path)
                && Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }
}

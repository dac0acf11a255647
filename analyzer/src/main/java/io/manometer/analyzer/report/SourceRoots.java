package io.manometer.analyzer.report;

import io.manometer.analyzer.detect.SourceFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the application's sources are, so that a report can name a site's file by its path in the
 * repository (what code-scanning services match alerts to).
 *
 * @param base  the directory paths are relative to: the repository's root
 * @param roots directories holding sources by package (src/main/java, src/test/java...)
 */
public record SourceRoots(Path base, List<Path> roots) {
    public static final SourceRoots NONE = new SourceRoots(Path.of(""), List.of());

    /** Roots relative to the working directory. */
    public static SourceRoots inWorkingDirectory(List<Path> roots) {
        return new SourceRoots(Path.of(""), roots);
    }

    /** The frame's source file below one of the roots, relative to {@link #base}; null if none has it. */
    public String find(SourceFrame frame) {
        Path from = base.toAbsolutePath().normalize();
        for (Path root : roots) {
            Path file = from.resolve(root).resolve(frame.relativePath()).normalize();
            if (Files.isRegularFile(file)) {
                return (file.startsWith(from) ? from.relativize(file) : file).toString().replace('\\', '/');
            }
        }
        return null;
    }
}

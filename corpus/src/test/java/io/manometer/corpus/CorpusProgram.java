package io.manometer.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** One labelled program of the corpus: its class and its {@link Shape}, found by scanning the compiled programs. */
record CorpusProgram(Class<?> type, Shape shape) {

    /** Every class under {@code classes} that carries a {@link Shape}, by name. */
    static List<CorpusProgram> all(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(classes::relativize).map(Path::toString)
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .map(CorpusProgram::load)
                    .filter(p -> p != null)
                    .sorted(Comparator.comparing(CorpusProgram::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CorpusProgram load(String className) {
        try {
            Class<?> type = Class.forName(className, false, CorpusProgram.class.getClassLoader());
            Shape shape = type.getAnnotation(Shape.class);
            return shape == null ? null : new CorpusProgram(type, shape);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** The name the scorecard uses: the class's package under the corpus root and its simple name. */
    String name() {
        return type.getName().replace("com.example.shapes.", "");
    }

    boolean healthy() {
        return shape.expect().length == 0;
    }

    /** A frame of this program's own code (a method, a lambda or a nested class of it). */
    boolean isOwnFrame(String site) {
        return site.startsWith(type.getName() + ".") || site.startsWith(type.getName() + "$");
    }

    @Override
    public String toString() {
        return name();
    }
}

package io.manometer.analyzer.detect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A site read back from its text, {@code package.Class.method(File.java:123)} as
 * {@link io.manometer.schema.StackFrames} writes it: where a finding points in the source.
 *
 * @param className binary class name, nested classes as {@code Outer$Inner}
 * @param method    method name
 * @param file      source file name
 * @param line      line number, or 0 when the frame has none
 */
public record SourceFrame(String className, String method, String file, int line) {
    private static final Pattern FRAME = Pattern.compile("^(.*)\\.([^.(]+)\\(([^:()]+)(?::(\\d+))?\\)$");

    /** The frame written in {@code site}, or null when the site is not a frame ("(whole heap)"). */
    public static SourceFrame parse(String site) {
        Matcher m = FRAME.matcher(site);
        if (!m.matches()) {
            return null;
        }
        return new SourceFrame(m.group(1), m.group(2), m.group(3), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
    }

    /** The source file's path below a source root: the package as directories, then the file. */
    public String relativePath() {
        int dot = className.lastIndexOf('.');
        return (dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/") + file;
    }

    /** {@code package.Class.method}: the site without its line, which ordinary edits move. */
    public String qualifiedMethod() {
        return className + "." + method;
    }
}

package io.manometer.analyzer.cli;

import io.manometer.analyzer.report.ReportFormat;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where and how every command that reports writes: {@code --format}, {@code --output}, {@code --color}. */
final class ReportOutput {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json, html (one self-contained page with charts) or sarif (SARIF 2.1.0, for "
                    + "code-scanning tools) (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE, not stdout.")
    Path output;

    @Option(names = "--color", negatable = true, description = "Colour the text report (default: when stdout is a terminal).")
    Boolean colour;

    /** Renders into a writer, in colour or not. */
    interface Rendering {
        void write(ReportFormat format, Writer out, boolean colour) throws IOException;
    }

    /** Writes the report; false, with one line on stderr, when the output file cannot be written. */
    boolean write(Rendering rendering) {
        try {
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                boolean tty = System.console() != null && System.getenv("NO_COLOR") == null;
                rendering.write(format, out, colour != null ? colour : tty);
                out.flush();
                return true;
            }
            try (Writer out = new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8)) {
                rendering.write(format, out, colour != null && colour);
            }
            return true;
        } catch (IOException e) {
            spec.commandLine().getErr().println("manometer: cannot write " + output + ": " + e.getMessage());
            return false;
        }
    }
}

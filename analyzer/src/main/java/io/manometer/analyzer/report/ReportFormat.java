package io.manometer.analyzer.report;

import java.io.IOException;
import java.io.Writer;

/** The output formats of {@code manometer analyze}. */
public enum ReportFormat {
    text {
        @Override
        public void write(Report report, Writer out, boolean colour) throws IOException {
            new TextReport(colour).write(report, out);
        }
    },
    json {
        @Override
        public void write(Report report, Writer out, boolean colour) throws IOException {
            new JsonReport().write(report, out);
        }
    },
    html {
        @Override
        public void write(Report report, Writer out, boolean colour) throws IOException {
            new HtmlReport().write(report, out);
        }
    },
    sarif {
        @Override
        public void write(Report report, Writer out, boolean colour) throws IOException {
            new SarifReport().write(report, out);
        }
    };

    public abstract void write(Report report, Writer out, boolean colour) throws IOException;
}

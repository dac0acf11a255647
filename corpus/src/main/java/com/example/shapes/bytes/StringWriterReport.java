package com.example.shapes.bytes;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.io.StringWriter;

/** A report rendered whole into a StringWriter, 2 M characters more every second. */
@Shape(buffer = "byte buffer", behaviour = "continuous overload", expect = "memory-buffer-growth")
public final class StringWriterReport {
    public static void main(String[] args) throws Exception {
        StringWriter report = new StringWriter();
        String line = "x".repeat(199) + "\n";
        Load.pace(Load.deadline(Load.seconds(args)), 10_000, i -> report.write(line));
        Load.done("rendered " + report.getBuffer().length());
    }
}

package com.example.shapes.bytes;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.io.StringWriter;

/** One small StringWriter per record, rendered and handed on. */
@Shape(buffer = "byte buffer", behaviour = "burst that drains")
public final class StringWriterPerRecord {
    public static void main(String[] args) throws Exception {
        String line = "x".repeat(199) + "\n";
        long[] sent = {0};
        Load.pace(Load.deadline(Load.seconds(args)), 10_000, i -> {
            StringWriter record = new StringWriter();
            record.write(line);
            sent[0] += record.toString().length();
        });
        Load.done("sent " + sent[0]);
    }
}

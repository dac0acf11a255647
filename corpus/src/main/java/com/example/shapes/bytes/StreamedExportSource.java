package com.example.shapes.bytes;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.io.ByteArrayOutputStream;

/** A source-file program that builds each row in a reused buffer and sends it on: nothing accumulates. */
@Shape(buffer = "byte buffer", behaviour = "steady high depth that keeps pace", launch = Shape.Launch.SOURCE_FILE,
        ci = true)
public final class StreamedExportSource {
    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream row = new ByteArrayOutputStream(512);
        long[] sent = {0};
        Load.pace(Load.deadline(Load.seconds(args)), 10_000, i -> {
            row.reset();
            row.write(new byte[400]);
            sent[0] += row.size();
        });
        Load.done("sent " + sent[0]);
    }
}

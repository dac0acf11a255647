package com.example.shapes.bytes;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.io.ByteArrayOutputStream;

/** The same export, started as a single source file ({@code java ByteArrayExportSource.java}). */
@Shape(buffer = "byte buffer", behaviour = "continuous overload", expect = "memory-buffer-growth",
        launch = Shape.Launch.SOURCE_FILE, ci = true)
public final class ByteArrayExportSource {
    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        byte[] row = new byte[400];
        Load.pace(Load.deadline(Load.seconds(args)), 10_000, i -> export.write(row));
        Load.done("exported " + export.size());
    }
}

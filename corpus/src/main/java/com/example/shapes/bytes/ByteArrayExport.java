package com.example.shapes.bytes;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.io.ByteArrayOutputStream;

/** An export assembled whole in a ByteArrayOutputStream before a slow upload: 4 MB more every second. */
@Shape(buffer = "byte buffer", behaviour = "continuous overload", expect = "memory-buffer-growth")
public final class ByteArrayExport {
    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        byte[] row = new byte[400];
        Load.pace(Load.deadline(Load.seconds(args)), 10_000, i -> export.write(row));
        Load.done("exported " + export.size());
    }
}

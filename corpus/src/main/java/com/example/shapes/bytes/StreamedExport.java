package com.example.shapes.bytes;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/** Rows streamed through a 64 KB buffer to the upload; one row's bytes assembled in a small reused buffer. */
@Shape(buffer = "byte buffer", behaviour = "slow consumer behind a bound")
public final class StreamedExport {
    public static void main(String[] args) throws Exception {
        OutputStream upload = new BufferedOutputStream(OutputStream.nullOutputStream(), 64 * 1024);
        ByteArrayOutputStream row = new ByteArrayOutputStream(512);
        Load.pace(Load.deadline(Load.seconds(args)), 10_000, i -> {
            row.reset();
            row.write(new byte[400]);
            row.writeTo(upload);
        });
        upload.flush();
        Load.done("streamed");
    }
}

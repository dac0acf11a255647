package io.manometer.demo.bytebuffer;

import io.manometer.demo.Pace;
import java.io.IOException;
import java.io.InputStream;

/** An upload to object storage over a slow link: about 2 MB a second, in 64 KB chunks. */
final class SlowUpload {
    static final int CHUNK = 64 * 1024;
    private long uploaded;

    /** Uploads everything {@code in} gives until it ends; returns the bytes sent. */
    long from(InputStream in) throws IOException {
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            uploaded += n;
            if (!Pace.work(30)) {
                break;
            }
        }
        return uploaded;
    }
}

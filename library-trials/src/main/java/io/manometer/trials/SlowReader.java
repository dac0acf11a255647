package io.manometer.trials;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** A client on a slow network: reads what a server sends at about 200 KB/s. */
final class SlowReader {
    private SlowReader() {}

    /** Connects, sends {@code request} (may be empty) and reads slowly on a daemon thread until the server closes. */
    static Socket start(int port, String request) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(32 * 1024); // a small window: the server's bytes back up soon
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.flush();
        Thread reader = new Thread(() -> {
            byte[] chunk = new byte[4096];
            try (InputStream in = socket.getInputStream()) {
                while (in.read(chunk) >= 0) {
                    Pace.sleepMillis(20);
                }
            } catch (IOException closed) {
                // the trial is over
            }
        }, "slow-reader");
        reader.setDaemon(true);
        reader.start();
        return socket;
    }
}

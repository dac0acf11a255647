package com.example.shapes;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A client on a slow network: connects on loopback and reads what it is sent at about 200 KB/s. */
public final class SlowReader {
    private SlowReader() {}

    /** Connects to {@code port} and reads slowly on a daemon thread until the server closes. */
    public static Socket start(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(32 * 1024); // a small window: the sender's bytes back up soon
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread reader = new Thread(() -> {
            byte[] chunk = new byte[4096];
            try (InputStream in = socket.getInputStream()) {
                while (in.read(chunk) >= 0) {
                    Load.work(20);
                }
            } catch (IOException closed) {
                // the program is over
            }
        }, "slow-reader");
        reader.setDaemon(true);
        reader.start();
        return socket;
    }
}

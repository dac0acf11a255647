package com.example.shapes.network;

import com.example.shapes.Load;
import com.example.shapes.SlowReader;
import io.manometer.corpus.Shape;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A blocking socket write to a slow reader: the write waits, which is the backpressure. */
@Shape(buffer = "network outbound", behaviour = "slow consumer behind a bound")
public final class SocketWriteBlocks {
    public static void main(String[] args) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SlowReader.start(server.getLocalPort());
            Socket subscriber = server.accept();
            OutputStream out = subscriber.getOutputStream();
            byte[] update = new byte[512];
            Load.pace(Load.deadline(Load.seconds(args)), 4_000, i -> out.write(update));
        }
        Load.done("written");
    }
}

package com.example.shapes;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * A remote API that answers 20 calls a second, on loopback. Its handler runs on the server's own
 * thread, so calls that wait for it wait in the kernel, not in a queue of this JVM: the only buffer
 * the programs judge is the client's.
 */
public final class SlowHttpServer {
    private SlowHttpServer() {}

    /** Starts the server; returns the address to call. */
    public static URI start(long millisPerCall) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10_000);
        server.createContext("/", exchange -> {
            Load.work(millisPerCall);
            byte[] body = "ok".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }
}

package io.manometer.benchmarks.cpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback load generator for {@link HttpServerWork}: {@code CONNECTIONS} keep-alive connections,
 * each sending requests one after another (no pipelining) until {@code TOTAL} requests are answered.
 * Plain blocking sockets, so that it costs little and runs the same in every pair.
 *
 * <p>{@code HttpLoad PORT CONNECTIONS THOUSAND_TOTAL}
 */
public final class HttpLoad {
    private static final byte[] REQUEST = ("GET /items HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private HttpLoad() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        long total = Long.parseLong(args[2]) * 1000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            long share = total / connections + (c < total % connections ? 1 : 0);
            Thread t = new Thread(() -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
                    for (long i = 0; i < share; i++) {
                        out.write(REQUEST);
                        out.flush();
                        readResponse(in);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "load-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** Reads one response: headers up to the blank line, then Content-Length bytes of body. */
    private static void readResponse(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b == '\n') {
                String header = line.toString().trim();
                if (header.isEmpty()) {
                    break;
                }
                if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
        for (int i = 0; i < length; i++) {
            if (in.read() < 0) {
                throw new IOException("the body ended early");
            }
        }
    }
}

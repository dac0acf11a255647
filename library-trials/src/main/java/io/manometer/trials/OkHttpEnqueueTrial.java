package io.manometer.trials;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * OkHttp. Broken: {@code enqueue} as fast as calls are made; the dispatcher runs five per host and
 * keeps the rest in its ready queue, which grows while the server takes 50 ms a call. Fixed: a
 * {@code Semaphore} keeps 32 calls out at a time, released when each completes.
 */
final class OkHttpEnqueueTrial {
    private OkHttpEnqueueTrial() {}

    static void run(boolean fixed, long seconds) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService handlers = Executors.newFixedThreadPool(8);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            Pace.sleepMillis(50);
            byte[] body = "ok".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/item?id=";
        OkHttpClient client = new OkHttpClient();
        Semaphore inFlight = new Semaphore(32);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        while (Pace.before(deadline)) {
            if (fixed) {
                inFlight.acquire();
            }
            client.newCall(new Request.Builder().url(url + n).build()).enqueue(new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                    inFlight.release();
                }

                @Override
                public void onResponse(Call call, Response response) {
                    response.close();
                    inFlight.release();
                }
            });
            n++;
            if (n % 50 == 0) {
                Pace.sleepMillis(1);
            }
        }
        server.stop(0);
    }
}

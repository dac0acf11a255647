package com.example.shapes.launch;

import com.example.shapes.Load;
import com.example.shapes.SlowHttpServer;
import io.manometer.corpus.Shape;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Twenty calls at once, awaited, once a second: a batch that is small and finishes. */
@Shape(buffer = "async launch", behaviour = "burst that drains")
public final class PromiseAllSmallBatch {
    public static void main(String[] args) throws Exception {
        URI api = SlowHttpServer.start(5);
        HttpClient client = HttpClient.newHttpClient();
        long deadline = Load.deadline(Load.seconds(args));
        while (Load.before(deadline)) {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(client.sendAsync(HttpRequest.newBuilder(api).build(), HttpResponse.BodyHandlers.ofString()));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            Load.work(1_000);
        }
        Load.done("all answered");
    }
}

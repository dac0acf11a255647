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
import java.util.concurrent.TimeUnit;

/**
 * The seed's Promise.all: 8,000 sendAsync calls launched in 4 s, then all awaited, against an API
 * that answers 20 a second. The launches stop; what they hold is minutes of work with no limit.
 */
@Shape(buffer = "async launch", behaviour = "batch launched at once then awaited", expect = "unbounded-fan-out",
        ci = true)
public final class PromiseAllHttpClient {
    public static void main(String[] args) throws Exception {
        long seconds = Load.seconds(args);
        URI api = SlowHttpServer.start(50);
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        Load.pace(Load.deadline(4), 2_000, i -> calls.add(
                client.sendAsync(HttpRequest.newBuilder(api).build(), HttpResponse.BodyHandlers.ofString())));
        try {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(seconds - 4, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            Load.done("still waiting for " + calls.stream().filter(c -> !c.isDone()).count() + " calls");
        }
        Load.done("all answered");
    }
}

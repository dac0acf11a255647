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
import java.util.concurrent.Semaphore;

/** The same batch through a limit of 16 calls in flight (p-limit): the launcher waits for a permit. */
@Shape(buffer = "async launch", behaviour = "slow consumer behind a bound", ci = true)
public final class PromiseAllLimited {
    public static void main(String[] args) throws Exception {
        URI api = SlowHttpServer.start(50);
        HttpClient client = HttpClient.newHttpClient();
        Semaphore limit = new Semaphore(16);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        Load.pace(Load.deadline(Load.seconds(args)), 2_000, i -> {
            limit.acquire();
            calls.add(client.sendAsync(HttpRequest.newBuilder(api).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> limit.release()));
        });
        Load.done("launched " + calls.size());
    }
}

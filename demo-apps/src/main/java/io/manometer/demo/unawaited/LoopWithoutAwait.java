package io.manometer.demo.unawaited;

import io.manometer.demo.Demo;
import io.manometer.demo.Pace;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Broken: the loop that launches asynchronous work per element and never waits for it (the
 * {@code for await} without {@code await}). The loop races ahead of the database; every save not
 * yet done is a future and a task in memory.
 */
public final class LoopWithoutAwait extends Demo {
    public LoopWithoutAwait() {
        super("unawaited-loop", Variant.broken,
                "for each row, runAsync(save) and move on: saves in flight pile up");
    }

    @Override
    public void run(Duration duration) throws Exception {
        Database db = new Database();
        long rows = Pace.forEach(System.nanoTime() + duration.toNanos(), Database.ROWS_PER_SECOND,
                row -> {
                    byte[] columns = Database.read(row);
                    CompletableFuture.runAsync(() -> db.save(columns), db.connections);
                });
        System.out.printf("read %,d rows, saved %,d: %,d saves still in flight%n", rows, db.saved(), rows - db.saved());
        db.connections.shutdownNow();
    }
}

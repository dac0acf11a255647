package io.manometer.demo.unawaited;

import io.manometer.demo.Demo;
import io.manometer.demo.Pace;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Fixed: the same loop waits for each save before reading the next row, so reading runs at the database's pace. */
public final class LoopWithAwait extends Demo {
    public LoopWithAwait() {
        super("unawaited-loop", Variant.fixed,
                "same loop, join()s each save before the next row: reading waits for the database");
    }

    @Override
    public void run(Duration duration) throws Exception {
        Database db = new Database();
        long rows = Pace.forEach(System.nanoTime() + duration.toNanos(), Database.ROWS_PER_SECOND,
                row -> {
                    byte[] columns = Database.read(row);
                    CompletableFuture.runAsync(() -> db.save(columns), db.connections).join();
                });
        System.out.printf("read %,d rows, saved %,d%n", rows, db.saved());
        db.connections.shutdownNow();
    }
}

package io.manometer.analyzer.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real recording of objects kept alive, read back: JFR's old-object samples name the line that made them. */
class RetainedObjectsReadingTest {
    /** Each holds a payload allocated in its constructor: the line named must be its caller's. */
    static final class Order {
        final byte[] payload = new byte[256];
    }

    @TempDir
    Path dir;

    @Test
    void oldObjectSamplesAreGroupedByTheLineThatAllocatedThem() throws Exception {
        Path file = dir.resolve("retained.jfr");
        List<Order> kept = new ArrayList<>();
        int line;
        try (Recording r = new Recording()) {
            r.enable(EventNames.OLD_OBJECT_SAMPLE).withStackTrace().with("cutoff", "0 ns");
            r.start();
            line = StackWalker.getInstance().walk(s -> s.findFirst()).orElseThrow().getLineNumber() + 2;
            for (int i = 0; i < 200_000; i++) {
                kept.add(new Order());
            }
            System.gc(); // on JDK 25 no sample was written here until a collection had run
            r.stop();
            r.dump(file);
        }
        assertThat(kept).hasSize(200_000);

        RetainedObjects retained = new RecordingReader().read(file).retained();
        assertThat(retained.samples()).isPositive();
        RetainedObjects.Group largest = retained.largest();
        assertThat(largest.site()).isEqualTo(getClass().getName()
                + ".oldObjectSamplesAreGroupedByTheLineThatAllocatedThem(RetainedObjectsReadingTest.java:" + line + ")");
        assertThat(largest.type()).isIn(Order.class.getName(), "byte[]");
        assertThat(largest.stack()).contains(Order.class.getName() + ".<init>");
    }

    @Test
    void arrayTypesAreWrittenAsInSource() {
        assertThat(RetainedObjects.readable("[B")).isEqualTo("byte[]");
        assertThat(RetainedObjects.readable("[[Ljava.lang.String;")).isEqualTo("java.lang.String[][]");
        assertThat(RetainedObjects.readable("java.util.HashMap$Node")).isEqualTo("java.util.HashMap$Node");
        assertThat(RetainedObjects.readable("[Q")).isEqualTo("[Q");
    }
}

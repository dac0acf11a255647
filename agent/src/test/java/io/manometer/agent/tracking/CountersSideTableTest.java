package io.manometer.agent.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.agent.bootstrap.BufferCounters;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The side table keys by identity, keeps every entry across growth, and lets collected objects go. */
class CountersSideTableTest {
    private final CountersSideTable table = new CountersSideTable();

    @Test
    void equalQueuesAreStillTwoQueues() {
        LinkedList<String> a = new LinkedList<>();
        LinkedList<String> b = new LinkedList<>(); // equals(a), same hashCode: a map by equals would merge them
        BufferCounters countersOfA = table.putIfAbsent(a, new BufferCounters(1));
        BufferCounters countersOfB = table.putIfAbsent(b, new BufferCounters(1));

        assertThat(countersOfA).isNotSameAs(countersOfB);
        assertThat(table.get(a)).isSameAs(countersOfA);
        assertThat(table.get(b)).isSameAs(countersOfB);
        assertThat(table.putIfAbsent(a, new BufferCounters(1))).as("the first counters stay").isSameAs(countersOfA);
    }

    @Test
    void everyEntrySurvivesTheTableGrowing() {
        List<Object> keys = new ArrayList<>();
        List<BufferCounters> counters = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            keys.add(new Object());
            counters.add(table.putIfAbsent(keys.get(i), new BufferCounters(i)));
        }
        for (int i = 0; i < keys.size(); i++) {
            assertThat(table.get(keys.get(i))).isSameAs(counters.get(i));
        }
        assertThat(table.get(new Object())).isNull();
        assertThat(table.size()).isEqualTo(20_000);
    }

    @Test
    void collectedObjectsLeaveTheTable() throws InterruptedException {
        Object kept = new Object();
        table.putIfAbsent(kept, new BufferCounters(1));
        List<WeakReference<Object>> gone = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Object temporary = new Object();
            gone.add(new WeakReference<>(temporary));
            table.putIfAbsent(temporary, new BufferCounters(1));
        }
        for (int i = 0; i < 50 && gone.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(10);
        }
        table.purge();

        assertThat(table.size()).isEqualTo(1);
        assertThat(table.get(kept)).isNotNull();
    }
}

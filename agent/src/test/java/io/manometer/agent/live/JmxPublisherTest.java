package io.manometer.agent.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.reading.AgentEvents;
import io.manometer.analyzer.reading.EventFields;
import io.manometer.analyzer.reading.Recording;
import io.manometer.schema.EventSchema.QueueSample;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The MBeans as a scraper reads them: one per line of the application (its buffers summed), under
 * a name that is the same in every run, counters that never go down when a buffer dies, and a
 * capacity only where there is a bound.
 */
class JmxPublisherTest {
    private static final String LINE = "com.example.App.run(App.java:12)";
    private static final String BOUNDED_LINE = "com.example.App.bounded(App.java:30)";
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @AfterEach
    void unregister() throws Exception {
        for (ObjectName name : server.queryNames(new ObjectName("io.manometer:*"), null)) {
            server.unregisterMBean(name);
        }
    }

    @Test
    void oneStableMBeanPerLineWithCountersThatNeverGoDown() throws Exception {
        JmxPublisher jmx = new JmxPublisher(10);
        Recording first = Recording.live("test");
        sample(first, 1, LINE, -1, 1_000, 100, 1_000);
        sample(first, 2, LINE, -1, 1_000, 300, 2_000); // a second queue made at the same line
        sample(first, 3, BOUNDED_LINE, 50, 1_000, 10, 40);
        jmx.publish(first, List.of(), List.of());

        ObjectName line = new ObjectName("io.manometer:type=Buffer,subject=queue,"
                + "class=java.util.concurrent.LinkedBlockingQueue,site=" + ObjectName.quote(LINE));
        assertThat(server.isRegistered(line)).as(server.queryNames(null, null).toString()).isTrue();
        assertThat(server.getAttribute(line, "Buffers")).isEqualTo(2);
        assertThat(server.getAttribute(line, "Depth")).isEqualTo(400L);
        assertThat(server.getAttribute(line, "InTotal")).isEqualTo(3_000L);
        assertThat(server.getAttribute(line, "Severity")).isEqualTo(0);
        Set<String> unbounded = attributes(line);
        assertThat(unbounded).contains("InTotal", "OutTotal", "RefusedTotal", "Depth", "Severity").doesNotContain("Capacity");
        ObjectName bounded = server.queryNames(new ObjectName("io.manometer:type=Buffer,*"), null).stream()
                .filter(n -> !n.equals(line)).findFirst().orElseThrow();
        assertThat(attributes(bounded)).contains("Capacity");
        assertThat(server.getAttribute(bounded, "Capacity")).isEqualTo(50L);

        // The second queue dies: the line's counter keeps what it had counted.
        Recording later = Recording.live("test");
        sample(later, 1, LINE, -1, 2_000, 150, 1_500);
        jmx.publish(later, List.of(), List.of());
        assertThat(server.isRegistered(line)).isTrue();
        assertThat(server.getAttribute(line, "Buffers")).isEqualTo(1);
        assertThat((Long) server.getAttribute(line, "InTotal")).isEqualTo(1_500L + 2_000L);
        assertThat(server.isRegistered(bounded)).as("a line with no buffer left leaves").isFalse();
    }

    private Set<String> attributes(ObjectName name) throws Exception {
        Set<String> names = new java.util.HashSet<>();
        for (var a : server.getMBeanInfo(name).getAttributes()) {
            names.add(a.getName());
        }
        return names;
    }

    private static void sample(Recording recording, long id, String site, long capacity, long atMillis, long depth,
                               long inserted) {
        Map<String, Object> f = new HashMap<>();
        f.put(QueueSample.BUFFER_ID, id);
        f.put(QueueSample.CAPACITY, capacity);
        f.put(QueueSample.BUFFER_TYPE, "java.util.concurrent.LinkedBlockingQueue");
        f.put(QueueSample.CREATED_AT, site);
        f.put(QueueSample.CREATED_BY, site);
        f.put(QueueSample.CREATION_STACK, site);
        f.put(QueueSample.AT_CAPACITY, false);
        f.put(QueueSample.REFUSED, 0L);
        f.put(QueueSample.DEPTH, depth);
        f.put(QueueSample.INSERTED, inserted);
        f.put(QueueSample.REMOVED, inserted - depth);
        AgentEvents.read(recording, QueueSample.NAME, new MapFields(atMillis * 1_000_000L, f));
    }

    private record MapFields(long startNanos, Map<String, Object> fields) implements EventFields {
        @Override
        public boolean hasField(String name) {
            return fields.containsKey(name);
        }

        @Override
        public long getLong(String name) {
            return ((Number) value(name)).longValue();
        }

        @Override
        public int getInt(String name) {
            return ((Number) value(name)).intValue();
        }

        @Override
        public boolean getBoolean(String name) {
            return (Boolean) value(name);
        }

        @Override
        public String getString(String name) {
            return (String) value(name);
        }

        private Object value(String name) {
            if (!fields.containsKey(name)) {
                throw new IllegalArgumentException("no field " + name);
            }
            return fields.get(name);
        }
    }
}

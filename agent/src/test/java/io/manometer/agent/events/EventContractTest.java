package io.manometer.agent.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.schema.EventSchema;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jdk.jfr.Event;
import jdk.jfr.Name;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent's events are exactly what the schema declares, and docs/events.md documents every
 * field of every one: the documentation, the writer and the reader cannot drift apart.
 */
class EventContractTest {

    record Contract(Class<? extends Event> event, Class<?> schema) {
        @Override
        public String toString() {
            return event.getSimpleName();
        }
    }

    static List<Contract> contracts() {
        return List.of(new Contract(QueueSampleEvent.class, EventSchema.QueueSample.class),
                new Contract(ExecutorSampleEvent.class, EventSchema.ExecutorSample.class),
                new Contract(AsyncLaunchSampleEvent.class, EventSchema.AsyncLaunchSample.class),
                new Contract(IgnoredRefusalSampleEvent.class, EventSchema.IgnoredRefusalSample.class),
                new Contract(MemoryBufferSampleEvent.class, EventSchema.MemoryBufferSample.class),
                new Contract(OutboundSampleEvent.class, EventSchema.OutboundSample.class),
                new Contract(BufferSummaryEvent.class, EventSchema.BufferSummary.class),
                new Contract(AgentInfoEvent.class, EventSchema.AgentInfo.class),
                new Contract(AlertEvent.class, EventSchema.Alert.class));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void eventHasExactlyTheFieldsTheSchemaNames(Contract contract) throws Exception {
        assertThat(contract.event().getAnnotation(Name.class).value())
                .isEqualTo(contract.schema().getField("NAME").get(null));
        assertThat(eventFields(contract.event())).isEqualTo(schemaFields(contract.schema()));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void docsDocumentEveryField(Contract contract) throws Exception {
        String name = (String) contract.schema().getField("NAME").get(null);
        String docs = Files.readString(Path.of("..", "docs", "events.md"));
        int start = docs.indexOf("## `" + name + "`");
        assertThat(start).as("docs/events.md has a section for " + name).isNotNegative();
        int end = docs.indexOf("\n## ", start + 1);
        String section = docs.substring(start, end < 0 ? docs.length() : end);
        Set<String> documented = Arrays.stream(section.split("\n")).filter(l -> l.startsWith("| `"))
                .flatMap(l -> Arrays.stream(l.split("\\|")[1].split(",")))
                .map(cell -> cell.trim().replace("`", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).as("fields documented in the table of " + name)
                .containsAll(schemaFields(contract.schema()));
    }

    private static Set<String> eventFields(Class<?> event) {
        return Arrays.stream(event.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> schemaFields(Class<?> schema) throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        for (Field f : schema.getFields()) {
            if (f.getType() == String.class && !f.getName().equals("NAME")) {
                names.add((String) f.get(null));
            }
        }
        return names;
    }
}

package io.manometer.jmc;

import io.manometer.analyzer.reading.AgentEvents;
import io.manometer.analyzer.reading.JdkEvents;
import io.manometer.analyzer.reading.Recording;
import java.util.HashSet;
import java.util.Set;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;

/**
 * A recording as JDK Mission Control loaded it, read into the analyzer's {@link Recording}: the
 * agent's events and the JDK's heap and thread figures the verdicts are set against, through the
 * same handlers the analyzer's own reader uses. The rules JMC already has for the JDK's other events
 * (and the analyzer's rules that judge without the agent) are not read here.
 */
final class ItemsReading {
    private static final Set<String> READ = new HashSet<>(AgentEvents.NAMES);

    static {
        READ.addAll(JdkEvents.PLAIN);
    }

    private ItemsReading() {}

    static Recording read(IItemCollection items) {
        Recording recording = Recording.named("JDK Mission Control's items");
        for (IItemIterable lane : items) {
            String name = lane.getType().getIdentifier();
            if (!READ.contains(name) || !lane.hasItems()) {
                continue;
            }
            ItemFields fields = new ItemFields(lane.getType());
            boolean agentEvent = AgentEvents.NAMES.contains(name);
            for (IItem item : lane) {
                if (agentEvent) {
                    AgentEvents.read(recording, name, fields.of(item)); // counts what it cannot read
                } else {
                    readJdkEvent(recording, name, fields.of(item));
                }
            }
        }
        return recording;
    }

    /**
     * A JDK event JMC parsed otherwise than JFR's reader does (a field missing or of another type,
     * from another JDK) is passed over: the heap and threads are context to the verdicts, not one.
     */
    private static void readJdkEvent(Recording recording, String name, ItemFields fields) {
        try {
            JdkEvents.readPlain(recording, name, fields);
        } catch (IllegalArgumentException | ClassCastException | ArithmeticException unreadable) {
            // left out, as the analyzer's own reader leaves out what it cannot read
        }
    }
}

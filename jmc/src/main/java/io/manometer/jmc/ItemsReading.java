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
                    AgentEvents.read(recording, name, fields.of(item));
                } else {
                    JdkEvents.readPlain(recording, name, fields.of(item));
                }
            }
        }
        return recording;
    }
}

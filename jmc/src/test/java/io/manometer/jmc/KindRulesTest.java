package io.manometer.jmc;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.detect.Detector;
import io.manometer.analyzer.detect.DetectorRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.junit.jupiter.api.Test;

/** One JMC rule per kind the agent's detectors report: a new kind without its rule fails here. */
class KindRulesTest {
    @Test
    void everyKindOfTheAgentsDetectorsHasItsRuleRegisteredOnce() {
        Set<String> kinds = new TreeSet<>();
        for (Detector d : DetectorRegistry.all()) {
            if (ManometerRule.readsAgentEvents(d)) {
                kinds.addAll(d.kinds());
            }
        }
        List<String> registered = new ArrayList<>();
        for (IRule rule : ServiceLoader.load(IRule.class)) {
            if (rule instanceof ManometerRule ours) {
                registered.add(ours.kind());
                assertThat(rule.getId()).isEqualTo("manometer." + ours.kind());
                assertThat(rule.getTopic()).isEqualTo(ManometerRule.TOPIC);
            }
        }
        assertThat(registered).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(registered)).isEqualTo(kinds);
    }

    @Test
    void aScoreKeepsItsBandOnJmcsScale() {
        // Manometer: info 25, warning 50, critical 75; JMC: info 25, warning 75 (no critical).
        assertThat(ManometerRule.jmcScore(10)).isEqualTo(10);
        assertThat(ManometerRule.jmcScore(25)).isEqualTo(25);
        assertThat(ManometerRule.jmcScore(49)).isLessThan(75);
        assertThat(ManometerRule.jmcScore(50)).isEqualTo(75);
        assertThat(ManometerRule.jmcScore(74)).isLessThan(90);
        assertThat(ManometerRule.jmcScore(75)).isEqualTo(90);
        assertThat(ManometerRule.jmcScore(100)).isEqualTo(100);
    }
}

package io.manometer.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void defaultsWhenNothingIsGiven() {
        AgentOptions options = AgentOptions.parse(null, Map.of(), Map.of());
        assertThat(options.enabled).isTrue();
        assertThat(options.trackAfter).isEqualTo(64);
        assertThat(options.maxBuffers).isEqualTo(200);
        assertThat(options.problems).isEmpty();
    }

    @Test
    void readsAgentArguments() {
        AgentOptions options = AgentOptions.parse("track.after=10,max.buffers=5,verbose=true", Map.of(), Map.of());
        assertThat(options.trackAfter).isEqualTo(10);
        assertThat(options.maxBuffers).isEqualTo(5);
        assertThat(options.verbose).isTrue();
        assertThat(options.problems).isEmpty();
    }

    @Test
    void agentArgumentsBeatSystemPropertiesWhichBeatTheEnvironment() {
        Map<String, String> env = Map.of("MANOMETER_TRACK_AFTER", "3", "MANOMETER_MAX_BUFFERS", "7",
                "MANOMETER_STACK_DEPTH", "9");
        Map<String, String> props = Map.of("manometer.track.after", "2", "manometer.max.buffers", "6");
        AgentOptions options = AgentOptions.parse("track.after=1", props, env);
        assertThat(options.trackAfter).isEqualTo(1);
        assertThat(options.maxBuffers).isEqualTo(6);
        assertThat(options.stackDepth).isEqualTo(9);
    }

    @Test
    void appPackagesListContinuesAcrossTheCommasOfTheAgentArgument() {
        AgentOptions options = AgentOptions.parse("app.packages=com.acme,org.example.*,verbose=true", Map.of(), Map.of());
        assertThat(options.appPackages).containsExactly("com.acme.", "org.example.");
        assertThat(options.verbose).isTrue();
        assertThat(options.problems).isEmpty();
        assertThat(options.describe()).contains("app.packages=com.acme;org.example");
    }

    @Test
    void appPackagesFromThePropertyOrTheEnvironmentAndNothingBadlyNamed() {
        assertThat(AgentOptions.parse(null, Map.of("manometer.app.packages", "com.acme; io.shop."), Map.of())
                .appPackages).containsExactly("com.acme.", "io.shop.");
        assertThat(AgentOptions.parse(null, Map.of(), Map.of()).appPackages).isEmpty();
        AgentOptions bad = AgentOptions.parse(null, Map.of(), Map.of("MANOMETER_APP_PACKAGES", "com.acme,9lives"));
        assertThat(bad.appPackages).isEmpty();
        assertThat(bad.problems).singleElement().asString().contains("'9lives' is not a package name");
    }

    @Test
    void unknownKeyIsOneProblemAndChangesNothing() {
        AgentOptions options = AgentOptions.parse("bogus=1,track.after=5", Map.of(), Map.of());
        assertThat(options.problems).singleElement().asString().contains("unknown option 'bogus'");
        assertThat(options.trackAfter).isEqualTo(5);
    }

    @Test
    void badValuesKeepTheDefaultAndSayWhy() {
        AgentOptions options = AgentOptions.parse("track.after=-4,enabled=maybe,max.buffers", Map.of(), Map.of());
        assertThat(options.problems).hasSize(3);
        assertThat(options.problems.get(0)).contains("max.buffers").contains("needs a value");
        assertThat(options.trackAfter).isEqualTo(64);
        assertThat(options.enabled).isTrue();
        assertThat(String.join("\n", options.problems)).contains("track.after=-4").contains("enabled=maybe");
    }

    @Test
    void describesTheSettingsInForce() {
        assertThat(AgentOptions.parse("track.after=8", Map.of(), Map.of()).describe()).contains("track.after=8");
    }

    @Test
    void aMisspeltOptionGetsTheSameWarningInEveryForm() {
        AgentOptions options = AgentOptions.parse("verbos=true", Map.of("manometer.verbos", "true"),
                Map.of("MANOMETER_TRACK_AFTR", "1"));
        assertThat(options.problems).hasSize(3);
        assertThat(options.problems).anySatisfy(p -> assertThat(p).contains("unknown option 'verbos'"))
                .anySatisfy(p -> assertThat(p).contains("'-Dmanometer.verbos'").contains("did you mean '-Dmanometer.verbose'"))
                .anySatisfy(p -> assertThat(p).contains("'MANOMETER_TRACK_AFTR'").contains("'MANOMETER_TRACK_AFTER'"));
        assertThat(options.verbose).isFalse();
        assertThat(options.trackAfter).isEqualTo(64);
    }

    @Test
    void otherToolsPropertiesUnderThePrefixPassQuietly() {
        AgentOptions options = AgentOptions.parse(null,
                Map.of("manometer.failOn", "critical", "manometer.directory", "/tmp", "manometer.agentJar", "x"),
                Map.of("MANOMETER_HOME", "/opt/manometer"));
        assertThat(options.problems).isEmpty();
    }

    @Test
    void liveVerdictsAlertsAndDumpsCanBeSetAndTurnedOff() {
        AgentOptions defaults = AgentOptions.parse(null, Map.of(), Map.of());
        assertThat(defaults.record).isTrue();
        assertThat(defaults.alertLog).isEqualTo("stderr");
        assertThat(defaults.dumpBeforeSeconds).isEqualTo(60);
        assertThat(defaults.dumpHeapPercent).isEqualTo(90);
        AgentOptions set = AgentOptions.parse("record=off,alert.log=/var/log/alerts.log,dump.dir=/dumps,dump.max=1",
                Map.of(), Map.of());
        assertThat(set.record).isFalse();
        assertThat(set.alertLog).isEqualTo("/var/log/alerts.log");
        assertThat(set.dumpDir).isEqualTo("/dumps");
        assertThat(set.dumpMax).isEqualTo(1);
        assertThat(AgentOptions.parse("record=sometimes", Map.of(), Map.of()).problems).singleElement().asString()
                .contains("record=sometimes").contains("auto, off");
    }
}

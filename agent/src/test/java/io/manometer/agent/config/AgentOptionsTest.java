package io.manometer.agent.config;

import io.manometer.agent.config.AgentOptions.Key;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void defaultsWhenNothingIsGiven() {
        AgentOptions options = AgentOptions.parse(null, Map.of(), Map.of());
        assertThat(options.flag(Key.ENABLED)).isTrue();
        assertThat(options.count(Key.TRACK_AFTER)).isEqualTo(64);
        assertThat(options.count(Key.MAX_BUFFERS)).isEqualTo(200);
        assertThat(options.problems()).isEmpty();
    }

    @Test
    void readsAgentArguments() {
        AgentOptions options = AgentOptions.parse("track.after=10,max.buffers=5,verbose=true", Map.of(), Map.of());
        assertThat(options.count(Key.TRACK_AFTER)).isEqualTo(10);
        assertThat(options.count(Key.MAX_BUFFERS)).isEqualTo(5);
        assertThat(options.flag(Key.VERBOSE)).isTrue();
        assertThat(options.problems()).isEmpty();
    }

    @Test
    void agentArgumentsBeatSystemPropertiesWhichBeatTheEnvironment() {
        Map<String, String> env = Map.of("MANOMETER_TRACK_AFTER", "3", "MANOMETER_MAX_BUFFERS", "7",
                "MANOMETER_STACK_DEPTH", "9");
        Map<String, String> props = Map.of("manometer.track.after", "2", "manometer.max.buffers", "6");
        AgentOptions options = AgentOptions.parse("track.after=1", props, env);
        assertThat(options.count(Key.TRACK_AFTER)).isEqualTo(1);
        assertThat(options.count(Key.MAX_BUFFERS)).isEqualTo(6);
        assertThat(options.count(Key.STACK_DEPTH)).isEqualTo(9);
    }

    @Test
    void appPackagesListContinuesAcrossTheCommasOfTheAgentArgument() {
        AgentOptions options = AgentOptions.parse("app.packages=com.acme,org.example.*,verbose=true", Map.of(), Map.of());
        assertThat(options.packages(Key.APP_PACKAGES)).containsExactly("com.acme.", "org.example.");
        assertThat(options.flag(Key.VERBOSE)).isTrue();
        assertThat(options.problems()).isEmpty();
        assertThat(options.describe()).contains("app.packages=com.acme;org.example");
    }

    @Test
    void appPackagesFromThePropertyOrTheEnvironmentAndNothingBadlyNamed() {
        assertThat(AgentOptions.parse(null, Map.of("manometer.app.packages", "com.acme; io.shop."), Map.of())
                .packages(Key.APP_PACKAGES)).containsExactly("com.acme.", "io.shop.");
        assertThat(AgentOptions.parse(null, Map.of(), Map.of()).packages(Key.APP_PACKAGES)).isEmpty();
        AgentOptions bad = AgentOptions.parse(null, Map.of(), Map.of("MANOMETER_APP_PACKAGES", "com.acme,9lives"));
        assertThat(bad.packages(Key.APP_PACKAGES)).isEmpty();
        assertThat(bad.problems()).singleElement().asString().contains("'9lives' is not a package name");
    }

    @Test
    void unknownKeyIsOneProblemAndChangesNothing() {
        AgentOptions options = AgentOptions.parse("bogus=1,track.after=5", Map.of(), Map.of());
        assertThat(options.problems()).singleElement().asString().contains("unknown option 'bogus'");
        assertThat(options.count(Key.TRACK_AFTER)).isEqualTo(5);
    }

    @Test
    void badValuesKeepTheDefaultAndSayWhy() {
        AgentOptions options = AgentOptions.parse("track.after=-4,enabled=maybe,max.buffers", Map.of(), Map.of());
        assertThat(options.problems()).hasSize(3);
        assertThat(options.problems().get(0)).contains("max.buffers").contains("needs a value");
        assertThat(options.count(Key.TRACK_AFTER)).isEqualTo(64);
        assertThat(options.flag(Key.ENABLED)).isTrue();
        assertThat(String.join("\n", options.problems())).contains("track.after=-4").contains("enabled=maybe");
    }

    @Test
    void describesTheSettingsInForce() {
        assertThat(AgentOptions.parse("track.after=8", Map.of(), Map.of()).describe()).contains("track.after=8");
    }

    @Test
    void aMisspeltOptionGetsTheSameWarningInEveryForm() {
        AgentOptions options = AgentOptions.parse("verbos=true", Map.of("manometer.verbos", "true"),
                Map.of("MANOMETER_TRACK_AFTR", "1"));
        assertThat(options.problems()).hasSize(3);
        assertThat(options.problems()).anySatisfy(p -> assertThat(p).contains("unknown option 'verbos'"))
                .anySatisfy(p -> assertThat(p).contains("'-Dmanometer.verbos'")
                        .contains("did you mean '-Dmanometer.verbose'"))
                .anySatisfy(p -> assertThat(p).contains("'MANOMETER_TRACK_AFTR'").contains("'MANOMETER_TRACK_AFTER'"));
        assertThat(options.flag(Key.VERBOSE)).isFalse();
        assertThat(options.count(Key.TRACK_AFTER)).isEqualTo(64);
    }

    @Test
    void otherToolsPropertiesUnderThePrefixPassQuietly() {
        AgentOptions options = AgentOptions.parse(null,
                Map.of("manometer.failOn", "critical", "manometer.directory", "/tmp", "manometer.agentJar", "x"),
                Map.of("MANOMETER_HOME", "/opt/manometer"));
        assertThat(options.problems()).isEmpty();
    }

    @Test
    void liveVerdictsAlertsAndDumpsCanBeSetAndTurnedOff() {
        AgentOptions defaults = AgentOptions.parse(null, Map.of(), Map.of());
        assertThat(defaults.text(Key.RECORD).equals("auto")).isTrue();
        assertThat(defaults.text(Key.ALERT_LOG)).isEqualTo("stderr");
        assertThat(defaults.count(Key.DUMP_BEFORE)).isEqualTo(60);
        assertThat(defaults.count(Key.DUMP_HEAP_PERCENT)).isEqualTo(90);
        AgentOptions set = AgentOptions.parse("record=off,alert.log=/var/log/alerts.log,dump.dir=/dumps,dump.max=1",
                Map.of(), Map.of());
        assertThat(set.text(Key.RECORD).equals("auto")).isFalse();
        assertThat(set.text(Key.ALERT_LOG)).isEqualTo("/var/log/alerts.log");
        assertThat(set.text(Key.DUMP_DIR)).isEqualTo("/dumps");
        assertThat(set.count(Key.DUMP_MAX)).isEqualTo(1);
        assertThat(AgentOptions.parse("record=sometimes", Map.of(), Map.of()).problems()).singleElement().asString()
                .contains("record=sometimes").contains("auto, off");
    }
}

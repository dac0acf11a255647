package io.manometer.agent.tracking;

import static io.manometer.agent.tracking.ApplicationCode.DECLARED;
import static io.manometer.agent.tracking.ApplicationCode.JDK;
import static io.manometer.agent.tracking.ApplicationCode.LIKELY;
import static io.manometer.agent.tracking.ApplicationCode.OTHER_CODE_SOURCE;
import static io.manometer.agent.tracking.ApplicationCode.OUTSIDE_JDK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class ApplicationCodeTest {
    private static final Class<?> APP = ApplicationCodeTest.class;
    private static final Class<?> LIBRARY = Assertions.class;

    /** A buffer class shipped with the code that uses it, as a library's queue is in an uber-jar. */
    static final class OwnQueue {}

    @Test
    void theMainClassRootDeclaresTheApplicationUnlessTheMainClassIsALaunchersOwn() {
        assertThat(ApplicationCode.of(List.of(), "io.manometer.shop.Main").rank(APP, null)).isEqualTo(DECLARED);
        ApplicationCode launcher = ApplicationCode.of(List.of(), "org.springframework.boot.loader.launch.JarLauncher");
        assertThat(launcher.rank(APP, null)).isEqualTo(LIKELY);
        assertThat(launcher.describe()).contains("inferred");
    }

    @Test
    void appPackagesDecideEvenForAPackageThatLooksLikeALibrary() {
        ApplicationCode code = ApplicationCode.of(List.of("org.assertj."), "io.manometer.shop.Main");
        assertThat(code.rank(LIBRARY, null)).isEqualTo(DECLARED);
        assertThat(code.rank(APP, null)).isEqualTo(LIKELY);
        assertThat(code.describe()).isEqualTo("app.packages org.assertj.*");
    }

    @Test
    void withoutDeclarationsKnownLibrariesAndTheBuffersOwnLibraryRankBelowTheRest() {
        ApplicationCode code = ApplicationCode.inferred();
        assertThat(code.rank(APP, LinkedBlockingQueue.class)).isEqualTo(LIKELY);
        assertThat(code.rank(LIBRARY, LinkedBlockingQueue.class)).isEqualTo(OTHER_CODE_SOURCE);
        assertThat(code.rank(LIBRARY, LIBRARY)).isEqualTo(OUTSIDE_JDK);
        assertThat(code.rank(APP, OwnQueue.class)).isEqualTo(OUTSIDE_JDK); // same jar, same package root
        assertThat(code.rank(LinkedBlockingQueue.class, null)).isEqualTo(JDK);
    }

    @Test
    void packageRootIsTheFirstTwoSegments() {
        assertThat(ApplicationCode.packageRoot("com.acme.shop.Main")).isEqualTo("com.acme.");
        assertThat(ApplicationCode.packageRoot("acme.Main")).isEqualTo("acme.");
        assertThat(ApplicationCode.packageRoot("Main")).isEmpty();
        assertThat(ApplicationCode.packageRoot("io.github.alice.tool.Main")).isEqualTo("io.github.alice.");
    }
}

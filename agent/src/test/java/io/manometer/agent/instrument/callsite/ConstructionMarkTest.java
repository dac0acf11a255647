package io.manometer.agent.instrument.callsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Queue;
import org.junit.jupiter.api.Test;

class ConstructionMarkTest {
    @Test
    void eachNewQueueWithCountersIsMarkedAroundItsConstructor() throws Exception {
        Rewritten r = Rewritten.by(ConstructionFixture.class, ConstructionMark::new);
        assertThat(r.sites.values()).hasSize(3).allSatisfy(s -> assertThat(s).doesNotContain("<init>"));
        assertThat(r.sites.values().stream().map(s -> s.substring(0, s.lastIndexOf(':')))).containsExactlyInAnyOrder(
                "construction java.util.ArrayDeque " + Rewritten.frameOf(ConstructionFixture.class, "constructs").replaceAll(":$", ""),
                "construction java.util.concurrent.LinkedBlockingQueue " + Rewritten.frameOf(ConstructionFixture.class, "constructs").replaceAll(":$", ""),
                "construction java.util.ArrayDeque " + Rewritten.frameOf(ConstructionFixture.class, "discards").replaceAll(":$", ""));
        // The deque in the arguments is built (and marked) before the outer queue's constructor runs.
        assertThat(r.bridgeCalls).containsExactly("constructs -> constructing", "constructs -> constructed",
                "constructs -> constructing", "constructs -> constructed", "discards -> constructing",
                "discards -> constructed");
        Class<?> loaded = r.load(); // verifies: the marks leave the constructor's arguments as they were
        @SuppressWarnings("unchecked")
        java.lang.reflect.Method constructs = loaded.getDeclaredMethod("constructs");
        constructs.setAccessible(true); // another loader: a different runtime package
        Queue<String> built = (Queue<String>) constructs.invoke(null);
        assertThat(built).isEmpty();
    }

    @Test
    void aQueueClassBuildingItsStorageIsLeftAlone() throws Exception {
        Rewritten r = Rewritten.by(ConstructionFixture.WrappingQueue.class, ConstructionMark::new);
        assertThat(r.changed).isFalse();
        assertThat(r.sites).isEmpty();
    }

    @Test
    void onlyQueueClassesByName() {
        assertThat(Calls.isQueueClass("java/util/concurrent/LinkedBlockingQueue")).isTrue();
        assertThat(Calls.isQueueClass("org/jctools/queues/MpscArrayQueue")).isTrue();
        assertThat(Calls.isQueueClass("java/util/concurrent/BlockingQueue")).isFalse();
        assertThat(Calls.isQueueClass("java/util/LinkedList")).isFalse();
    }
}

package io.manometer.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.agent.instrument.QueueOperations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.PriorityBlockingQueue;
import org.junit.jupiter.api.Test;

/** Runs the classifier on real class files, the JDK's and a hand-written third-party queue. */
class QueueOperationsTest {

    @Test
    void classifiesByNameArityAndResult() {
        assertThat(QueueOperations.classify("offer", "(Ljava/lang/Object;)Z")).isEqualTo(Operation.INSERT_IF_TRUE);
        assertThat(QueueOperations.classify("put", "(Ljava/lang/Object;)V")).isEqualTo(Operation.INSERT_VOID);
        assertThat(QueueOperations.classify("offer", "(Ljava/lang/Object;JLjava/util/concurrent/TimeUnit;)Z"))
                .isEqualTo(Operation.INSERT_IF_TRUE);
        assertThat(QueueOperations.classify("poll", "()Ljava/lang/Object;")).isEqualTo(Operation.REMOVE_RETURNED);
        assertThat(QueueOperations.classify("poll", "(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;"))
                .isEqualTo(Operation.REMOVE_RETURNED);
        assertThat(QueueOperations.classify("remove", "(Ljava/lang/Object;)Z")).isEqualTo(Operation.REMOVE_IF_TRUE);
        assertThat(QueueOperations.classify("drainTo", "(Ljava/util/Collection;I)I")).isEqualTo(Operation.REMOVE_COUNT);
        // Not element moves: List.add(int, E), remove(int), peek(), size().
        assertThat(QueueOperations.classify("add", "(ILjava/lang/Object;)V")).isNull();
        assertThat(QueueOperations.classify("remove", "(I)Ljava/lang/Object;")).isNull();
        assertThat(QueueOperations.classify("peek", "()Ljava/lang/Object;")).isNull();
        assertThat(QueueOperations.classify("size", "()I")).isNull();
    }

    @Test
    void arrayBlockingQueueCountsItsOwnOperationsOnly() throws IOException {
        Map<String, Operation> ops = QueueOperations.countedOperations(classFile(ArrayBlockingQueue.class));
        assertThat(ops).containsKeys("offer(Ljava/lang/Object;)Z", "put(Ljava/lang/Object;)V",
                "poll()Ljava/lang/Object;", "take()Ljava/lang/Object;");
        // add() is super.add(), which calls offer(); drainTo(c) calls drainTo(c, MAX_VALUE).
        assertThat(ops).doesNotContainKeys("add(Ljava/lang/Object;)Z", "drainTo(Ljava/util/Collection;)I");
        assertThat(ops).containsKey("drainTo(Ljava/util/Collection;I)I");
    }

    @Test
    void dequeDelegationChainsCountOnce() throws IOException {
        Map<String, Operation> ops = QueueOperations.countedOperations(classFile(ArrayDeque.class));
        assertThat(ops).containsKeys("addLast(Ljava/lang/Object;)V", "addFirst(Ljava/lang/Object;)V",
                "pollFirst()Ljava/lang/Object;", "pollLast()Ljava/lang/Object;");
        assertThat(ops).doesNotContainKeys("add(Ljava/lang/Object;)Z", "offer(Ljava/lang/Object;)Z",
                "push(Ljava/lang/Object;)V", "poll()Ljava/lang/Object;", "pop()Ljava/lang/Object;",
                "remove()Ljava/lang/Object;");
        Map<String, Operation> blocking = QueueOperations.countedOperations(classFile(LinkedBlockingDeque.class));
        assertThat(blocking).doesNotContainKeys("put(Ljava/lang/Object;)V", "add(Ljava/lang/Object;)Z");
    }

    @Test
    void abstractQueueOnlyDelegates() throws IOException {
        assertThat(QueueOperations.countedOperations(classFile(AbstractQueue.class))).isEmpty();
        Map<String, Operation> pbq = QueueOperations.countedOperations(classFile(PriorityBlockingQueue.class));
        assertThat(pbq).containsOnlyKeys("offer(Ljava/lang/Object;)Z", "poll()Ljava/lang/Object;",
                "poll(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;", "take()Ljava/lang/Object;",
                "remove(Ljava/lang/Object;)Z", "drainTo(Ljava/util/Collection;I)I");
    }

    @Test
    void thirdPartyForwardingMethodsAreDelegatesButRealWorkCounts() throws IOException {
        Map<String, Operation> ops = QueueOperations.countedOperations(classFile(HandRolledQueue.class));
        // The generic bridges offer(Object) and poll():Object are left out; put(String) only forwards.
        assertThat(ops).containsOnlyKeys("offer(Ljava/lang/String;)Z", "poll()Ljava/lang/String;");
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    /** A library's own queue: put() forwards to offer(), which does the work. */
    static final class HandRolledQueue extends AbstractQueue<String> {
        private final ArrayDeque<String> items = new ArrayDeque<>();

        public void put(String e) {
            offer(e);
        }

        @Override
        public boolean offer(String e) {
            return items.add(e);
        }

        @Override
        public String poll() {
            return items.poll();
        }

        @Override
        public String peek() {
            return items.peek();
        }

        @Override
        public Iterator<String> iterator() {
            return items.iterator();
        }

        @Override
        public int size() {
            return items.size();
        }
    }
}

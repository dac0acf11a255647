package io.manometer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.analyzer.reading.AgentEvents;
import io.manometer.analyzer.reading.jfr.ReaderComparison;
import io.manometer.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real agent jar in a real JVM; assertions read the real recording it wrote. */
class AgentRecordingIT {
    private static final String PREFIX = QueueWorkload.class.getName() + ".main(QueueWorkload.java:";

    @TempDir
    static Path dir;
    static ChildJvm.Result run;
    static List<RecordedEvent> events;
    static int[] lines;

    @BeforeAll
    static void runWorkload() throws Exception {
        WorkloadRecording recording = WorkloadRecording.of(QueueWorkload.class, dir);
        run = recording.run();
        lines = recording.lines();
        events = recording.events();
    }

    @Test
    void theAnalyzersPositionalReaderReadsEveryAgentEventAsJfrsOwnReaderDoes() throws Exception {
        Path jfr = dir.resolve(QueueWorkload.class.getSimpleName() + ".jfr");
        assertThat(ReaderComparison.differences(jfr, Set.copyOf(AgentEvents.NAMES), 5)).isEmpty();
    }

    /**
     * Every event type of the contract is listed from the start, the alert too though no alert was
     * written: Cryostat's automated rules and JMC choose a JVM by the event types it lists.
     */
    @Test
    void everyEventTypeOfTheContractIsRegisteredThoughNotWritten() throws Exception {
        List<String> contract = io.manometer.schema.EventSchema.eventNames();
        assertThat(contract).contains(io.manometer.schema.EventSchema.Alert.NAME);
        assertThat(events).noneMatch(e -> e.getEventType().getName().equals(io.manometer.schema.EventSchema.Alert.NAME));
        try (RecordingFile file = new RecordingFile(dir.resolve(QueueWorkload.class.getSimpleName() + ".jfr"))) {
            assertThat(file.readEventTypes().stream().map(jdk.jfr.EventType::getName)).containsAll(contract);
        }
    }

    @Test
    void countsEveryElementExactlyOnceAndReadsDepthFromTheQueue() {
        RecordedEvent q = lastSample("manometer.QueueSample", lines[0]);
        assertThat(q.getString("bufferType")).isEqualTo("java.util.concurrent.LinkedBlockingQueue");
        assertThat(q.getLong("inserted")).isEqualTo(501);
        assertThat(q.getLong("removed")).isEqualTo(200);
        assertThat(q.getLong("depth")).isEqualTo(301);
        assertThat(q.getBoolean("depthExact")).isTrue();
        assertThat(q.getLong("capacity")).isEqualTo(-1);
        assertThat(q.getString("producerSite")).startsWith(PREFIX);
        assertThat(q.getString("producerThread")).isEqualTo("main");
    }

    @Test
    void boundedQueueReportsItsCapacityAndDrains() {
        RecordedEvent q = lastSample("manometer.QueueSample", lines[1]);
        assertThat(q.getLong("capacity")).isEqualTo(1000);
        assertThat(q.getLong("inserted")).isEqualTo(300);
        assertThat(q.getLong("removed")).isEqualTo(100);
        assertThat(q.getLong("depth")).isEqualTo(200);
    }

    @Test
    void queueThatCannotBeSizedCheaplyIsCountedNotWalked() {
        RecordedEvent q = lastSample("manometer.QueueSample", lines[2]);
        assertThat(q.getString("bufferType")).isEqualTo("java.util.concurrent.ConcurrentLinkedQueue");
        assertThat(q.getBoolean("depthExact")).isFalse();
        assertThat(q.getLong("depth")).isEqualTo(250);
    }

    @Test
    void thirdPartyQueueIsInstrumentedWithoutCountingForwardersTwice() {
        RecordedEvent q = lastSample("manometer.QueueSample", lines[3]);
        assertThat(q.getString("bufferType")).isEqualTo(QueueWorkload.LibraryQueue.class.getName());
        assertThat(q.getLong("inserted")).isEqualTo(250);
        assertThat(q.getLong("removed")).isEqualTo(1);
    }

    @Test
    void executorIsSampledWithItsCreationSiteAndFactory() {
        RecordedEvent e = lastSample("manometer.ExecutorSample", lines[4]);
        assertThat(e.getString("createdBy")).startsWith("java.util.concurrent.Executors.newFixedThreadPool(");
        assertThat(e.getLong("tasksSubmitted")).isEqualTo(120);
        assertThat(e.getLong("tasksCompleted")).isEqualTo(120);
        assertThat(e.getLong("queueCapacity")).isEqualTo(-1);
        assertThat(e.getString("producerSite")).startsWith(PREFIX);
        assertThat(e.getString("producerStack")).startsWith("java.util.concurrent.ThreadPoolExecutor.execute(");
        assertThat(e.getString("producerThread")).isEqualTo("main");
    }

    @Test
    void forkJoinPoolCountsSubmissionsAndNamesItsFeeder() {
        RecordedEvent e = lastSample("manometer.ExecutorSample", lines[5]);
        assertThat(e.getString("executorType")).isEqualTo("java.util.concurrent.ForkJoinPool");
        assertThat(e.getLong("tasksSubmitted")).isEqualTo(100);
        assertThat(e.getLong("tasksCompleted")).isEqualTo(-1);
        assertThat(e.getInt("maximumPoolSize")).isEqualTo(2);
        assertThat(e.getBoolean("commonPool")).isFalse();
        assertThat(e.getString("producerSite")).startsWith(PREFIX);
    }

    @Test
    void commonPoolIsFlaggedAndNamedByItsProducer() {
        RecordedEvent e = events.stream().filter(ev -> ev.getEventType().getName().equals("manometer.ExecutorSample"))
                .filter(ev -> ev.getBoolean("commonPool"))
                .max(Comparator.comparing(RecordedEvent::getStartTime)).orElseThrow(() -> new AssertionError(run));
        assertThat(e.getLong("tasksSubmitted")).isGreaterThanOrEqualTo(80);
        assertThat(e.getString("producerSite")).isEqualTo(PREFIX + lines[6] + ")");
    }

    @Test
    void plainQueueHandedBetweenThreadsIsReportedWithBothSides() {
        RecordedEvent q = lastSample("manometer.QueueSample", lines[7]);
        assertThat(q.getString("bufferType")).isEqualTo("java.util.PriorityQueue");
        assertThat(q.getLong("inserted")).isEqualTo(500);
        assertThat(q.getLong("removed")).isEqualTo(300);
        assertThat(q.getLong("depth")).isEqualTo(200);
        assertThat(q.getString("producerThreads")).isEqualTo("main");
        assertThat(q.getString("consumerThreads")).isEqualTo("workload-consumer");
    }

    @Test
    void plainQueueUsedByOneThreadIsNotABufferBetweenThreads() {
        assertThat(events).filteredOn(e -> e.getEventType().getName().equals("manometer.QueueSample"))
                .noneMatch(e -> e.getString("createdAt").equals(PREFIX + lines[8] + ")"));
    }

    @Test
    void thirdPartyNonBlockingQueueIsWatchedToo() {
        RecordedEvent q = lastSample("manometer.QueueSample", lines[9]);
        assertThat(q.getString("bufferType")).isEqualTo(QueueWorkload.PlainLibraryQueue.class.getName());
        assertThat(q.getLong("inserted")).isEqualTo(500);
        assertThat(q.getLong("removed")).isEqualTo(300);
        assertThat(q.getBoolean("depthExact")).isFalse();
    }

    @Test
    void aQueueThatIsAnotherQueuesStorageIsNotReportedTwice() {
        assertThat(events).filteredOn(e -> e.getEventType().getName().equals("manometer.QueueSample"))
                .filteredOn(e -> e.getString("createdAt").equals(PREFIX + lines[9] + ")"))
                .extracting(e -> e.getString("bufferType"))
                .containsOnly(QueueWorkload.PlainLibraryQueue.class.getName());
    }

    @Test
    void largeArrayDequeSharedBetweenThreadsIsReportedThoughLoadedBeforeTheAgent() {
        List<RecordedEvent> deques = events.stream()
                .filter(e -> e.getEventType().getName().equals("manometer.QueueSample"))
                .filter(e -> e.getString("bufferType").equals("java.util.ArrayDeque"))
                .filter(e -> e.getString("producerSite").startsWith(PREFIX))
                .filter(e -> !e.getString("producerSite").equals(PREFIX + lines[22] + ")")) // the iterated one
                .toList();
        assertThat(deques).as(run.toString()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getString("producerSite")).isEqualTo(PREFIX + lines[10] + ")"));
        RecordedEvent last = deques.stream().max(Comparator.comparing(RecordedEvent::getStartTime)).orElseThrow();
        assertThat(last.getLong("depth")).isEqualTo(2000);
        assertThat(last.getLong("inserted")).isEqualTo(-1);
        assertThat(last.getString("consumerThreads")).isEqualTo("deque-consumer");
    }

    @Test
    void fullBoundedQueueRecordsItsRefusalsAndThatBackpressureEngaged() {
        RecordedEvent q = lastSample("manometer.QueueSample", lines[11]);
        assertThat(q.getLong("inserted")).isEqualTo(100);
        assertThat(q.getLong("refused")).isEqualTo(5);
        assertThat(q.getBoolean("atCapacity")).isTrue();
        RecordedEvent open = lastSample("manometer.QueueSample", lines[0]);
        assertThat(open.getBoolean("atCapacity")).isFalse();
        assertThat(open.getLong("refused")).isZero();
    }

    @Test
    void saturatedExecutorRecordsItsRejections() {
        RecordedEvent e = lastSample("manometer.ExecutorSample", lines[12]);
        assertThat(e.getLong("tasksRejected")).isEqualTo(3);
        assertThat(e.getBoolean("atCapacity")).isTrue();
        assertThat(e.getLong("queueCapacity")).isEqualTo(1);
    }

    @Test
    void aLargeArrayDequeDrainedOnlyThroughItsIteratorIsReportedWithItsConsumer() {
        RecordedEvent last = events.stream()
                .filter(e -> e.getEventType().getName().equals("manometer.QueueSample"))
                .filter(e -> e.getString("producerSite").equals(PREFIX + lines[22] + ")"))
                .max(Comparator.comparing(RecordedEvent::getStartTime))
                .orElseThrow(() -> new AssertionError("no sample of the iterated deque in\n" + run));
        assertThat(last.getString("bufferType")).isEqualTo("java.util.ArrayDeque");
        assertThat(last.getLong("depth")).isEqualTo(2000);
        assertThat(last.getString("consumerThreads")).contains("iterating-consumer");
    }

    @Test
    void aLargeLinkedListSharedBetweenThreadsIsReportedAndOneBuiltByOneThreadIsNot() {
        List<RecordedEvent> lists = events.stream()
                .filter(e -> e.getEventType().getName().equals("manometer.QueueSample"))
                .filter(e -> e.getString("bufferType").equals("java.util.LinkedList"))
                .toList();
        assertThat(lists).as(run.toString()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getString("producerSite")).isEqualTo(PREFIX + lines[23] + ")"));
        assertThat(lists.stream().mapToLong(e -> e.getLong("bufferId")).distinct().count())
                .as("the list one thread built is not among them").isOne();
        RecordedEvent last = lists.stream().max(Comparator.comparing(RecordedEvent::getStartTime)).orElseThrow();
        assertThat(last.getLong("depth")).isEqualTo(2000);
        assertThat(last.getLong("inserted")).isEqualTo(-1);
        assertThat(last.getString("consumerThreads")).isEqualTo("list-consumer");
    }

    @Test
    void aCachedPoolIsNeverAtCapacityWhileItCanAddThreads() {
        RecordedEvent e = lastSample("manometer.ExecutorSample", lines[21]);
        assertThat(e.getLong("queueCapacity")).isZero();
        assertThat(e.getLong("poolSize")).isEqualTo(3);
        assertThat(e.getBoolean("atCapacity")).as("a thread per task, no one waits").isFalse();
    }

    @Test
    void threadPerTaskExecutorReportsTasksInFlight() {
        org.junit.jupiter.api.Assumptions.assumeTrue(lines[13] > 0, "thread-per-task executors exist from JDK 21");
        List<RecordedEvent> samples = events.stream()
                .filter(e -> e.getEventType().getName().equals("manometer.ExecutorSample"))
                .filter(e -> e.getString("createdAt").equals(PREFIX + lines[13] + ")"))
                .sorted(Comparator.comparing(RecordedEvent::getStartTime)).toList();
        assertThat(samples).as(run.toString()).isNotEmpty();
        assertThat(samples).anySatisfy(e -> assertThat(e.getLong("queueDepth")).isEqualTo(100));
        RecordedEvent last = samples.get(samples.size() - 1);
        assertThat(last.getString("executorType")).isEqualTo("java.util.concurrent.ThreadPerTaskExecutor");
        assertThat(last.getLong("tasksSubmitted")).isEqualTo(100);
        assertThat(last.getLong("tasksCompleted")).isEqualTo(100);
        assertThat(last.getLong("queueDepth")).isZero();
        assertThat(last.getString("producerSite")).startsWith(PREFIX);
    }

    @Test
    void executorWorkQueueIsReportedWithItsExecutorNotAlone() {
        assertThat(events).filteredOn(e -> e.getEventType().getName().equals("manometer.QueueSample"))
                .noneMatch(e -> e.getString("createdBy").startsWith("java.util.concurrent.Executors."));
    }

    @Test
    void agentDescribesItselfInEveryChunk() {
        RecordedEvent info = events.stream().filter(e -> e.getEventType().getName().equals("manometer.AgentInfo"))
                .max(Comparator.comparing(RecordedEvent::getStartTime)).orElseThrow();
        assertThat(info.getString("agentVersion")).isNotBlank();
        assertThat(info.getInt("schemaVersion")).isEqualTo(1);
        assertThat(info.getInt("transformedClasses")).isGreaterThanOrEqualTo(5);
        assertThat(info.getInt("warnings")).isZero();
        assertThat(run.stderr()).doesNotContain("[manometer]");
    }

    @Test
    void theOldestWaitOfElementsThatNeverMoveGrowsWithEverySample() {
        // The unbounded queue's 301 elements and the saturated pool's queued task were put there
        // before the first sample and never left: at each sample they have waited at least since the
        // first, and the agent says exactly that, to the sampler's clock. An event is stamped when
        // written, after the reading it reports, and a cold JVM's first reading can take 100 ms or more.
        for (String type : List.of("manometer.QueueSample", "manometer.ExecutorSample")) {
            int line = type.equals("manometer.QueueSample") ? lines[0] : lines[12];
            String field = type.equals("manometer.QueueSample") ? "oldestWaitMillis" : "oldestTaskWaitMillis";
            List<RecordedEvent> samples = samplesOf(type, line);
            assertThat(samples).as(type).hasSizeGreaterThanOrEqualTo(2);
            long first = samples.get(0).getStartTime().toEpochMilli();
            for (RecordedEvent sample : samples) {
                long sinceFirst = sample.getStartTime().toEpochMilli() - first;
                assertThat(sample.getLong(field)).as(type + " at +" + sinceFirst + " ms").isBetween(sinceFirst - 250,
                        sinceFirst + 250);
            }
        }
    }

    @Test
    void aLibraryQueueEmptiedByAnUncountedDrainIsFoundEmptyNotGrowing() {
        List<RecordedEvent> samples = samplesOf("manometer.QueueSample", lines[14]);
        assertThat(samples).isNotEmpty();
        RecordedEvent last = samples.get(samples.size() - 1);
        assertThat(last.getLong("inserted")).isEqualTo(300);
        assertThat(last.getLong("depth")).as("relaxedPoll counted, then the drain taken up").isZero();
        assertThat(last.getLong("removed")).isEqualTo(300);
        assertThat(samples).allSatisfy(s -> assertThat(s.getLong("depth")).isLessThanOrEqualTo(200));
    }

    @Test
    void aLibrarysOwnQueueInterfaceThatIsNotAJavaUtilQueueIsWatchedToo() {
        RecordedEvent q = lastSample("manometer.QueueSample", lines[15]);
        assertThat(q.getString("bufferType")).isEqualTo(QueueWorkload.LinkedSimpleQueue.class.getName());
        assertThat(q.getLong("inserted")).isEqualTo(500);
        assertThat(q.getLong("removed")).isEqualTo(200);
        assertThat(q.getLong("depth")).isEqualTo(300);
        assertThat(q.getString("consumerThreads")).contains("simple-consumer");
    }

    @Test
    void aLibrarysQueueClassNamedAsAQueueIsWatchedThoughItHasNoQueueInterface() {
        RecordedEvent q = lastSample("manometer.QueueSample", lines[24]);
        assertThat(q.getString("bufferType")).isEqualTo(QueueWorkload.MailboxNodeQueue.class.getName());
        assertThat(q.getLong("inserted")).isEqualTo(500);
        assertThat(q.getLong("removed")).isEqualTo(200);
        assertThat(q.getLong("depth")).isEqualTo(300);
        assertThat(q.getString("consumerThreads")).contains("actor");
        assertThat(events).filteredOn(e -> e.getEventType().getName().equals("manometer.QueueSample"))
                .filteredOn(e -> e.getString("createdAt").equals(PREFIX + lines[24] + ")"))
                .as("its storage is not reported apart, nor is the look-alike not named as a queue")
                .extracting(e -> e.getString("bufferType")).containsOnly(QueueWorkload.MailboxNodeQueue.class.getName());
    }

    @Test
    void aQueueAReactiveOperatorFeedsFromOnNextIsReportedNotTakenForTheOperatorsStorage() {
        // The operator has the queue interface too, but onNext is no insert of its own: the queue it
        // feeds is a buffer between two threads, named where the operator was created.
        RecordedEvent q = lastSample("manometer.QueueSample", lines[20]);
        assertThat(q.getString("bufferType")).isEqualTo(QueueWorkload.LinkedSimpleQueue.class.getName());
        assertThat(q.getLong("inserted")).isEqualTo(400);
        assertThat(q.getLong("depth")).isEqualTo(300);
        assertThat(q.getString("producerThreads")).contains("operator-upstream");
        assertThat(q.getString("consumerThreads")).contains("operator-downstream");
    }

    @Test
    void aScheduledExecutorSaysHowLateItsNextDueTaskIsNotHowLongTasksWaitedForTheirTime() {
        RecordedEvent timeouts = lastSample("manometer.ExecutorSample", lines[16]);
        assertThat(timeouts.getBoolean("scheduled")).isTrue();
        assertThat(timeouts.getLong("queueDepth")).isEqualTo(200);
        assertThat(timeouts.getLong("oldestTaskWaitMillis")).as("a minute ahead: not late").isZero();
        List<RecordedEvent> stuck = samplesOf("manometer.ExecutorSample", lines[17]);
        RecordedEvent last = stuck.get(stuck.size() - 1);
        assertThat(last.getBoolean("scheduled")).isTrue();
        assertThat(last.getLong("queueDepth")).isEqualTo(100);
        long sinceFirst = last.getStartTime().toEpochMilli() - stuck.get(0).getStartTime().toEpochMilli();
        assertThat(last.getLong("oldestTaskWaitMillis")).as("due since they were scheduled")
                .isGreaterThanOrEqualTo(sinceFirst);
        assertThat(lastSample("manometer.ExecutorSample", lines[4]).getBoolean("scheduled")).isFalse();
    }

    @Test
    void aDelayQueueSaysHowLateItsNextDueElementIs() {
        RecordedEvent ahead = lastSample("manometer.QueueSample", lines[18]);
        assertThat(ahead.getBoolean("delayed")).isTrue();
        assertThat(ahead.getLong("depth")).isEqualTo(150);
        assertThat(ahead.getLong("oldestWaitMillis")).as("a minute ahead: not late").isZero();
        List<RecordedEvent> due = samplesOf("manometer.QueueSample", lines[19]);
        RecordedEvent last = due.get(due.size() - 1);
        long sinceFirst = last.getStartTime().toEpochMilli() - due.get(0).getStartTime().toEpochMilli();
        assertThat(last.getLong("oldestWaitMillis")).as("due since made").isGreaterThanOrEqualTo(sinceFirst);
        assertThat(lastSample("manometer.QueueSample", lines[0]).getBoolean("delayed")).isFalse();
    }

    @Test
    void aDrainedExecutorHasNoTaskWaiting() {
        assertThat(lastSample("manometer.ExecutorSample", lines[4]).getLong("oldestTaskWaitMillis")).isZero();
        assertThat(lastSample("manometer.ExecutorSample", lines[5]).getLong("oldestTaskWaitMillis"))
                .as("a ForkJoinPool: not known").isEqualTo(-1);
    }

    @Test
    void everyManometerFieldIsLabelledAndDescribed() {
        events.stream().filter(e -> e.getEventType().getName().startsWith("manometer.")).map(RecordedEvent::getEventType)
                .distinct().forEach(type -> type.getFields().stream()
                        .filter(f -> !List.of("startTime", "duration", "eventThread", "stackTrace").contains(f.getName()))
                        .forEach(f -> {
                            assertThat(f.getLabel()).as(type.getName() + "." + f.getName()).isNotBlank();
                            assertThat(f.getDescription()).as(type.getName() + "." + f.getName()).isNotBlank();
                        }));
    }

    private static List<RecordedEvent> samplesOf(String type, int line) {
        return events.stream()
                .filter(e -> e.getEventType().getName().equals(type))
                .filter(e -> e.getString("createdAt").equals(PREFIX + line + ")"))
                .sorted(Comparator.comparing(RecordedEvent::getStartTime)).toList();
    }

    private static RecordedEvent lastSample(String type, int line) {
        List<RecordedEvent> samples = samplesOf(type, line);
        assertThat(samples).as(type + " created at line " + line + " in\n" + run).isNotEmpty();
        return samples.get(samples.size() - 1);
    }
}

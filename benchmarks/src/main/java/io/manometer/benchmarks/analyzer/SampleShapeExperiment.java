package io.manometer.benchmarks.analyzer;

import io.manometer.analyzer.reading.jfr.ChunkScanner;
import io.manometer.analyzer.reading.jfr.ScannedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import jdk.jfr.consumer.EventStream;

/**
 * What the descriptor schema of issue #18 (a) would buy before building it: the same queues'
 * samples written in two shapes, and read by JFR's reader and by the analyzer's positional scanner.
 * "today" is the queue sample as the agent writes it (every field, the strings that never change
 * included); "lean" writes those once per buffer in a descriptor event and keeps the sample to the
 * numbers that move. Prints each file's size and the readers' times, interleaved, median and range.
 * {@code java -cp benchmarks.jar ...SampleShapeExperiment DIR [buffers] [periods] [rounds]}
 */
public final class SampleShapeExperiment {
    private static final String SITE = "io.manometer.benchmarks.analyzer.ManyBuffersWorkload.main(ManyBuffersWorkload.java:";

    private SampleShapeExperiment() {}

    /** What never changes for a buffer (or seldom: the thread lists, written again when they change). */
    abstract static class Described extends Event {
        boolean delayed;
        String bufferType;
        String createdAt;
        String createdBy;
        String creationStack;
        String producerSite;
        String producerStack;
        String producerThread;
        String producerThreads;
        String consumerThreads;
        long capacity;
        boolean depthExact;

        final void describe(String site) {
            bufferType = "java.util.concurrent.LinkedBlockingQueue";
            createdAt = site;
            createdBy = site;
            creationStack = site;
            producerSite = site;
            producerStack = site;
            producerThread = "main";
            producerThreads = "main";
            consumerThreads = "";
            capacity = -1;
            depthExact = true;
        }
    }

    /** Today's {@code manometer.QueueSample}: its fields and types, the numbers that move and all the rest. */
    @Name("experiment.TodaySample")
    @StackTrace(false)
    static final class TodaySample extends Described {
        long bufferId;
        long depth;
        long inserted;
        long removed;
        long refused;
        boolean atCapacity;
        @Timespan(Timespan.MILLISECONDS)
        long oldestWaitMillis;
    }

    /** The numbers that move: what a lean sample keeps. */
    @Name("experiment.LeanSample")
    @StackTrace(false)
    static final class LeanSample extends Event {
        long bufferId;
        long depth;
        long inserted;
        long removed;
        long refused;
        boolean atCapacity;
        @Timespan(Timespan.MILLISECONDS)
        long oldestWaitMillis;
    }

    /** What a lean schema writes once per buffer (per chunk, in a real one). */
    @Name("experiment.BufferDescriptor")
    @StackTrace(false)
    static final class BufferDescriptor extends Described {
        long bufferId;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int buffers = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int periods = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Files.createDirectories(dir);
        Path today = write(dir.resolve("today.jfr"), buffers, periods, false);
        Path lean = write(dir.resolve("lean.jfr"), buffers, periods, true);
        Set<String> todayNames = Set.of("experiment.TodaySample");
        Set<String> leanNames = Set.of("experiment.LeanSample", "experiment.BufferDescriptor");

        String[] readers = {"JFR's reader (EventStream), every field", "positional scanner, every field"};
        long[][][] ms = new long[2][2][rounds]; // [reader][shape][round]
        for (int round = 0; round < rounds; round++) { // interleaved: both shapes each round
            for (int shape = 0; shape < 2; shape++) {
                Path file = shape == 0 ? today : lean;
                Set<String> names = shape == 0 ? todayNames : leanNames;
                ms[0][shape][round] = time(() -> stream(file, names));
                ms[1][shape][round] = time(() -> scan(file, names));
            }
        }
        long events = (long) buffers * periods;
        System.out.printf("JDK %s; %,d samples (%,d buffers x %,d periods), %d rounds, median [min-max]%n",
                System.getProperty("java.version"), events, buffers, periods, rounds);
        System.out.printf("file: today %.1f MB (%.1f bytes/sample), lean %.1f MB (%.1f bytes/sample), lean/today %.2f%n",
                Files.size(today) / 1e6, Files.size(today) / (double) events, Files.size(lean) / 1e6,
                Files.size(lean) / (double) events, Files.size(lean) / (double) Files.size(today));
        for (int reader = 0; reader < 2; reader++) {
            long[] t = ms[reader][0];
            long[] l = ms[reader][1];
            double[] ratios = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                ratios[i] = l[i] / (double) t[i];
            }
            Arrays.sort(ratios);
            System.out.printf("%-42s today %s ms, lean %s ms, lean/today %.2f [%.2f-%.2f]%n", readers[reader] + ":",
                    summary(t), summary(l), ratios[rounds / 2], ratios[0], ratios[rounds - 1]);
        }
    }

    /** A recording of {@code buffers} queues sampled {@code periods} times, in one shape. */
    private static Path write(Path file, int buffers, int periods, boolean leanShape) throws Exception {
        try (Recording recording = new Recording()) {
            recording.enable(leanShape ? LeanSample.class : TodaySample.class);
            if (leanShape) {
                recording.enable(BufferDescriptor.class);
            }
            recording.setToDisk(true);
            recording.setMaxSize(0);
            recording.start();
            List<String> sites = new ArrayList<>();
            for (int id = 0; id < buffers; id++) {
                sites.add(SITE + (19 + id % 40) + ")");
            }
            for (int p = 0; p < periods; p++) {
                for (int id = 0; id < buffers; id++) {
                    long depth = (p * 13L + id) % 200;
                    long inserted = p * 100L + id % 7;
                    String site = sites.get(id);
                    if (leanShape) {
                        if (p == 0) { // a real schema would write these again at each chunk's start
                            BufferDescriptor d = new BufferDescriptor();
                            d.bufferId = id;
                            d.describe(site);
                            d.commit();
                        }
                        LeanSample s = new LeanSample();
                        s.bufferId = id;
                        s.depth = depth;
                        s.inserted = inserted;
                        s.removed = inserted - depth;
                        s.commit();
                    } else {
                        TodaySample s = new TodaySample();
                        s.bufferId = id;
                        s.depth = depth;
                        s.inserted = inserted;
                        s.removed = inserted - depth;
                        s.describe(site);
                        s.commit();
                    }
                }
            }
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    /** JFR's reader over the file, every field of the named events read by name. */
    private static long stream(Path file, Set<String> names) throws Exception {
        long[] sum = {0};
        try (EventStream stream = EventStream.openFile(file)) {
            stream.setOrdered(false);
            for (String name : names) {
                stream.onEvent(name, e -> {
                    for (var field : e.getFields()) {
                        Object value = e.getValue(field.getName());
                        sum[0] += value == null ? 0 : value.hashCode();
                    }
                });
            }
            stream.start();
        }
        return sum[0];
    }

    /** The analyzer's positional scanner over the file, every field of the named events decoded. */
    private static long scan(Path file, Set<String> names) throws Exception {
        long[] sum = {0};
        ChunkScanner.scan(file, names, (ScannedEvent e) -> {
            sum[0] += e.startNanos();
            for (java.lang.reflect.Field field : FIELDS.get(e.name())) {
                int index = e.fieldIndex(field.getName());
                if (index < 0 || java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                    continue; // what JFR adds to an event class (its start time, its configuration)
                }
                sum[0] += field.getType() == String.class ? String.valueOf(e.getString(index)).length() : e.getLong(index);
            }
        });
        return sum[0];
    }

    /** Each shape's fields, as the events declare them. */
    private static final java.util.Map<String, java.lang.reflect.Field[]> FIELDS = java.util.Map.of(
            "experiment.TodaySample", fields(TodaySample.class),
            "experiment.LeanSample", fields(LeanSample.class),
            "experiment.BufferDescriptor", fields(BufferDescriptor.class));

    private static java.lang.reflect.Field[] fields(Class<?> event) {
        List<java.lang.reflect.Field> all = new ArrayList<>();
        for (Class<?> c = event; c != Event.class; c = c.getSuperclass()) {
            all.addAll(List.of(c.getDeclaredFields()));
        }
        return all.toArray(new java.lang.reflect.Field[0]);
    }

    private interface Work {
        long run() throws Exception;
    }

    private static long sink;

    private static long time(Work work) throws Exception {
        long start = System.nanoTime();
        sink += work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String summary(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("%d [%d-%d]", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }
}

package io.manometer.demo;

import io.manometer.demo.bytebuffer.BufferedExport;
import io.manometer.demo.bytebuffer.StreamedExport;
import io.manometer.demo.earlyack.AckAfterProcessing;
import io.manometer.demo.earlyack.EarlyAckWorker;
import io.manometer.demo.fanout.LimitedFanOut;
import io.manometer.demo.fanout.UnlimitedFanOut;
import io.manometer.demo.filetosink.BoundedFileToSink;
import io.manometer.demo.filetosink.UnboundedFileToSink;
import io.manometer.demo.ignoredoffer.DroppingPublisher;
import io.manometer.demo.ignoredoffer.WaitingPublisher;
import io.manometer.demo.unawaited.LoopWithAwait;
import io.manometer.demo.unawaited.LoopWithoutAwait;
import java.time.Duration;
import java.util.List;

/**
 * {@code java -cp manometer-demo-apps.jar io.manometer.demo.DemoMain NAME broken|fixed [SECONDS]},
 * or with no arguments, the list of demos.
 */
public final class DemoMain {
    static final List<Demo> DEMOS = List.of(new UnboundedFileToSink(), new BoundedFileToSink(), new UnlimitedFanOut(),
            new LimitedFanOut(), new EarlyAckWorker(), new AckAfterProcessing(), new LoopWithoutAwait(),
            new LoopWithAwait(), new DroppingPublisher(), new WaitingPublisher(), new BufferedExport(),
            new StreamedExport());

    private DemoMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.out.println("usage: DemoMain NAME broken|fixed [SECONDS]");
            for (Demo d : DEMOS) {
                System.out.printf("  %-14s %-7s %s%n", d.name(), d.variant(), d.description());
            }
            System.exit(args.length == 0 ? 0 : 2);
        }
        Duration duration = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 12);
        for (Demo d : DEMOS) {
            if (d.name().equals(args[0]) && d.variant().name().equals(args[1])) {
                System.out.println("demo " + d.name() + " (" + d.variant() + "): " + d.description());
                d.run(duration);
                // Work still in flight (a broken demo's backlog) must not keep the JVM up.
                System.exit(0);
            }
        }
        System.err.println("no demo '" + args[0] + "' in variant '" + args[1] + "'; run with no arguments to list them");
        System.exit(2);
    }
}

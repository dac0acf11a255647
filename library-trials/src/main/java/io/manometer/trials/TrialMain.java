package io.manometer.trials;

import java.util.Map;

/**
 * Runs one trial: {@code TrialMain TRIAL broken|fixed SECONDS}. Each trial is a real library used
 * the way that leaves a producer unchecked, and its twin used the way that makes it wait.
 */
public final class TrialMain {
    /** Each trial by name; the argument says whether to run the fixed twin. */
    interface Trial {
        void run(boolean fixed, long seconds) throws Exception;
    }

    private static final Map<String, Trial> TRIALS = Map.of(
            "reactor-create", ReactorCreateTrial::run,
            "rxjava-observe-on", RxObserveOnTrial::run,
            "okhttp-enqueue", OkHttpEnqueueTrial::run,
            "guava-async-event-bus", GuavaEventBusTrial::run,
            "vertx-execute-blocking", VertxBlockingTrial::run,
            "pekko-tell", PekkoTellTrial::run,
            "netty-pipeline", NettyPipelineTrial::run,
            "netty-http", NettyHttpTrial::run,
            "grpc-server-stream", GrpcServerStreamTrial::run);

    private TrialMain() {}

    public static void main(String[] args) throws Exception {
        Trial trial = args.length == 3 ? TRIALS.get(args[0]) : null;
        if (trial == null || !(args[1].equals("broken") || args[1].equals("fixed"))) {
            System.err.println("usage: TrialMain " + String.join("|", TRIALS.keySet()) + " broken|fixed SECONDS");
            System.exit(2);
        }
        trial.run(args[1].equals("fixed"), Long.parseLong(args[2]));
        System.exit(0); // the libraries' non-daemon threads would keep the JVM up
    }
}

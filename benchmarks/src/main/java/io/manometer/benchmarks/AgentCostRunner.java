package io.manometer.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks twice in one session, without and with the agent, and prints the difference:
 * {@code java -jar benchmarks/target/benchmarks.jar [agent.jar] [regex] [baseline-agent.jar | --side-table]}.
 * With a baseline agent jar (an earlier build), the first run uses it instead of no agent: what a
 * change to the agent costs, in the same session. With {@code --side-table}, the first run uses
 * the agent alone (the field path) and the second puts an agent that loads the JDK's queues and
 * executors before it ({@link PreloadingAgent}), as an APM agent does: the side-table path.
 */
public final class AgentCostRunner {
    private AgentCostRunner() {}

    public static void main(String[] args) throws Exception {
        Path agent = Path.of(args.length > 0 ? args[0] : "agent/target/manometer-agent.jar");
        if (!Files.isRegularFile(agent)) {
            System.err.println("agent jar not found: " + agent + " (build it with 'mvn -DskipTests package')");
            System.exit(2);
        }
        String include = args.length > 1 ? args[1] : "QueueOperationBenchmark|ExecutorBenchmark|PipelineBenchmark";
        boolean sideTable = args.length > 2 && args[2].equals("--side-table");
        Path baselineAgent = args.length > 2 && !sideTable ? Path.of(args[2]) : null;
        if (baselineAgent != null && !Files.isRegularFile(baselineAgent)) {
            System.err.println("baseline agent jar not found: " + baselineAgent);
            System.exit(2);
        }
        Collection<RunResult> without = sideTable ? run(include, agent) : run(include, baselineAgent);
        Collection<RunResult> with = sideTable ? run(include, PreloadingAgent.jar(), agent) : run(include, agent);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-60s %12s %12s %10s %9s%n", "benchmark",
                sideTable ? "field" : baselineAgent == null ? "no agent" : "baseline",
                sideTable ? "side table" : "agent", "difference", "ratio");
        List<RunResult> baseline = new ArrayList<>(without);
        for (RunResult withAgent : with) {
            String label = label(withAgent);
            for (RunResult base : baseline) {
                if (label(base).equals(label)) {
                    double a = base.getPrimaryResult().getScore();
                    double b = withAgent.getPrimaryResult().getScore();
                    String unit = base.getPrimaryResult().getScoreUnit();
                    System.out.printf(Locale.ROOT, "%-60s %12.2f %12.2f %+10.2f %8.1f%% %s%n", label, a, b, b - a,
                            100 * b / a, unit);
                }
            }
        }
    }

    private static String label(RunResult r) {
        String params = r.getParams().getParamsKeys().stream().map(k -> r.getParams().getParam(k)).toList().toString();
        return r.getParams().getBenchmark().replace("io.manometer.benchmarks.", "") + (params.equals("[]") ? "" : " " + params);
    }

    private static Collection<RunResult> run(String include, Path... agents) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .forks(Integer.getInteger("forks", 2))
                .warmupIterations(Integer.getInteger("warmups", 3))
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(Integer.getInteger("iterations", 5))
                .measurementTime(TimeValue.seconds(1));
        List<String> jvmArgs = new ArrayList<>(); // one call: each jvmArgsAppend replaces the last
        for (Path agent : agents) {
            if (agent != null) {
                jvmArgs.add("-javaagent:" + agent.toAbsolutePath());
            }
        }
        options.jvmArgsAppend(jvmArgs.toArray(String[]::new));
        return new Runner(options.build()).run();
    }
}

package io.manometer.benchmarks.analyzer;

import java.io.File;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

/**
 * What a user would otherwise run on a recording: JDK Mission Control's whole rule engine (every
 * rule of {@code flightrecorder.rules.jdk}, default preferences, one thread per core, as JMC's
 * automated analysis does), loading included. Prints the rules run and the seconds taken.
 *
 * <p>{@code JmcRules RECORDING.jfr}
 */
public final class JmcRules {
    private JmcRules() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        IItemCollection items = JfrLoaderToolkit.loadEvents(new File(args[0]));
        Collection<IRule> rules = RuleRegistry.getRules();
        Map<IRule, Future<IResult>> results = RulesToolkit.evaluateParallel(rules, items,
                IPreferenceValueProvider.DEFAULT_VALUES, Runtime.getRuntime().availableProcessors());
        int done = 0;
        for (Future<IResult> result : results.values()) {
            result.get();
            done++;
        }
        System.out.printf(Locale.ROOT, "jmc rules: %d rules in %.2f s%n", done, (System.nanoTime() - start) / 1e9);
    }
}

package io.manometer.agent.sampling;

import io.manometer.agent.tracking.LaunchSite;
import java.util.ArrayList;
import java.util.List;

/**
 * Every site that launched something, most in flight first, and what its launching threads wait
 * on: a look at another thread's stack, a few per period, at the sites with the most in flight.
 */
final class LaunchReading {
    /** Launching threads looked at per period, at most: each look is a stack walk of another thread. */
    private static final int LAUNCHER_LOOKS_PER_PERIOD = 16;

    private LaunchReading() {}

    static List<LaunchSample> read(List<LaunchSite> sites) {
        long[] inFlight = new long[sites.size()];
        for (int i = 0; i < sites.size(); i++) {
            LaunchSite site = sites.get(i);
            site.sweep();
            inFlight[i] = Math.max(0, site.launched() - site.completed());
        }
        // What the launchers wait on, at the sites with the most in flight first.
        int looks = 0;
        Integer[] order = new Integer[sites.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(inFlight[b], inFlight[a]));
        for (int i = 0; i < order.length && looks < LAUNCHER_LOOKS_PER_PERIOD && inFlight[order[i]] > 0; i++) {
            looks += lookAtLaunchers(sites.get(order[i]), LAUNCHER_LOOKS_PER_PERIOD - looks);
        }
        List<LaunchSample> launches = new ArrayList<>();
        for (int i : order) {
            LaunchSite site = sites.get(i);
            long launched = site.launched();
            long completed = Math.min(launched, site.completed());
            long now = launched - completed;
            launches.add(new LaunchSample(site, launched, completed, now, site.updatePeak(now), site.inFlightExact(),
                    site.launcherLooks(), site.launcherWaits()));
        }
        return launches;
    }

    private static int lookAtLaunchers(LaunchSite site, int allowed) {
        int looks = 0;
        for (Thread launcher : site.launchingThreads()) {
            if (looks == allowed) {
                break;
            }
            if (launcher != Thread.currentThread()) {
                site.lookedAtLauncher(LauncherWaits.waitsOnLimit(launcher.getStackTrace()));
                looks++;
            }
        }
        return looks;
    }
}

package io.manometer.agent.sampling;

import io.manometer.agent.tracking.LaunchSite;

/** One launching call site at one instant. */
public record LaunchSample(LaunchSite site, long launched, long completed, long inFlight, long peakInFlight,
                           boolean inFlightExact, long launcherLooks, long launcherWaits) {}

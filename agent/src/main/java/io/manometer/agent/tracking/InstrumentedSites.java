package io.manometer.agent.tracking;

import io.manometer.agent.model.CallSiteRegistry;
import io.manometer.agent.model.LaunchKind;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The call sites the agent rewrote in application classes, by the id compiled into the rewritten
 * code. Ids are handed out when a class is loaded, so a lookup at run time is an array read.
 * Bounded: past {@link #MAX_SITES} no further call site is rewritten, and that is counted.
 */
public final class InstrumentedSites implements CallSiteRegistry {
    public static final int MAX_SITES = 1 << 16;

    private final AtomicReferenceArray<Object> sites = new AtomicReferenceArray<>(MAX_SITES);
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    /** Registers a call that launches asynchronous work; -1 when the table is full. */
    @Override
    public int registerLaunch(LaunchKind kind, String frame) {
        int id = nextId();
        if (id >= 0) {
            sites.set(id, new LaunchSite(id, kind, frame));
        }
        return id;
    }

    /** Registers a call whose refusal signal the caller discards; -1 when the table is full. */
    @Override
    public int registerIgnoredResult(String call, String frame) {
        int id = nextId();
        if (id >= 0) {
            sites.set(id, new IgnoredResultSite(id, call, frame));
        }
        return id;
    }

    /** Registers a queue construction; -1 when the table is full. */
    @Override
    public int registerConstruction(String type, String className, String frame) {
        int id = nextId();
        if (id >= 0) {
            sites.set(id, new ConstructionSite(type, new CallSite(frame, frame, frame,
                    StackCapture.isApplicationClass(className), false)));
        }
        return id;
    }

    /** Renames what an ignored-result site calls, while its class is still being rewritten. */
    @Override
    public void rename(int id, String call) {
        IgnoredResultSite site = ignoredResult(id);
        if (site != null) {
            site.calls(call);
        }
    }

    private int nextId() {
        int id = next.getAndIncrement();
        if (id >= MAX_SITES) {
            next.set(MAX_SITES);
            refused.incrementAndGet();
            return -1;
        }
        return id;
    }

    /** Call sites rewritten so far. */
    public int count() {
        return Math.min(next.get(), MAX_SITES);
    }

    /** Call sites left as they were because the table was full. */
    public int notInstrumented() {
        return refused.get();
    }

    LaunchSite launch(int id) {
        Object site = id >= 0 && id < MAX_SITES ? sites.get(id) : null;
        return site instanceof LaunchSite ? (LaunchSite) site : null;
    }

    IgnoredResultSite ignoredResult(int id) {
        Object site = id >= 0 && id < MAX_SITES ? sites.get(id) : null;
        return site instanceof IgnoredResultSite ? (IgnoredResultSite) site : null;
    }

    ConstructionSite construction(int id) {
        Object site = id >= 0 && id < MAX_SITES ? sites.get(id) : null;
        return site instanceof ConstructionSite ? (ConstructionSite) site : null;
    }

    /** Launch sites that launched something, and ignored-result sites that dropped something. */
    public List<LaunchSite> activeLaunches() {
        List<LaunchSite> active = new ArrayList<>();
        for (int i = 0, n = count(); i < n; i++) {
            Object site = sites.get(i);
            if (site instanceof LaunchSite && ((LaunchSite) site).launched() > 0) {
                active.add((LaunchSite) site);
            }
        }
        return active;
    }

    public List<IgnoredResultSite> activeIgnoredResults() {
        List<IgnoredResultSite> active = new ArrayList<>();
        for (int i = 0, n = count(); i < n; i++) {
            Object site = sites.get(i);
            if (site instanceof IgnoredResultSite && ((IgnoredResultSite) site).refused() > 0) {
                active.add((IgnoredResultSite) site);
            }
        }
        return active;
    }
}

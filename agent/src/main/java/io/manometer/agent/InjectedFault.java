package io.manometer.agent;

/**
 * Faults made on purpose, for the reliability suite alone: each makes one part of the agent fail, to
 * show that the application never notices and that the agent says so once. Off unless the JVM is
 * started with {@code -Dmanometer.inject.fault=<name>} (a name below, lower case, '-' for '_'):
 * not an agent option, never documented for users. Read once; a check costs a constant compare.
 */
public enum InjectedFault {
    /** Every hook the advice calls throws. */
    ADVICE,
    /** Every stack capture throws. */
    STACK_CAPTURE,
    /** Writing any of the agent's events throws. */
    EVENT_WRITE,
    /** The sampler thread dies (an error thrown out of its loop), once. */
    SAMPLER_DEATH,
    /** The agent's own work (its hooks, its sampler) runs out of memory. */
    AGENT_OOM,
    /** Every class transformation throws. */
    TRANSFORM,
    /** The live judge throws. */
    LIVE_JUDGE,
    /** Every dump finds the disk full. */
    DUMP_DISK_FULL;

    /** The system property that turns one fault on. */
    public static final String PROPERTY = "manometer.inject.fault";
    private static final InjectedFault ACTIVE = read();

    public boolean on() {
        return ACTIVE == this;
    }

    /** Throws this fault's error when it is the one turned on. */
    public void fireIfOn() {
        if (ACTIVE == this) {
            if (this == AGENT_OOM) {
                throw new OutOfMemoryError("injected fault: agent-oom");
            }
            throw new InjectedFaultError(this);
        }
    }

    /** What an injected fault throws: nothing the agent's own code throws looks like it. */
    public static final class InjectedFaultError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFaultError(InjectedFault fault) {
            super("injected fault: " + fault.name().toLowerCase().replace('_', '-'), null, false, false);
        }
    }

    private static InjectedFault read() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isEmpty()) {
            return null;
        }
        for (InjectedFault f : values()) {
            if (f.name().equalsIgnoreCase(name.replace('-', '_'))) {
                return f;
            }
        }
        return null;
    }
}

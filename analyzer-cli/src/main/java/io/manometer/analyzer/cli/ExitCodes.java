package io.manometer.analyzer.cli;

/** Exit codes of every manometer command; CI gates depend on them, so they never change meaning. */
public final class ExitCodes {
    /** Nothing at or above the gate severity. */
    public static final int OK = 0;
    /** A finding at or above the gate severity (--fail-on). */
    public static final int GATE_FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** A recording could not be read (missing, empty, truncated, not JFR, newer schema), or only in part (damaged). */
    public static final int UNREADABLE = 3;
    /** A fault in Manometer itself. */
    public static final int INTERNAL_ERROR = 4;
    /** {@code attach}: the JVM could not be attached to, so nothing was recorded. */
    public static final int CANNOT_ATTACH = 5;

    private ExitCodes() {}

    /**
     * The code of a run that judged several recordings: a failed gate wins over an unreadable file.
     * Both fail a build, but 1 says what a CI gate exists to say (the application regressed), and
     * the unreadable file is still named on stderr and in the report.
     */
    static int of(boolean gateFailed, boolean anyUnreadable) {
        return gateFailed ? GATE_FAILED : anyUnreadable ? UNREADABLE : OK;
    }
}

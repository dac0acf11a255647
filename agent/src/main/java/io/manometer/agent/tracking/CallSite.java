package io.manometer.agent.tracking;

/**
 * Where something was created or fed from.
 *
 * @param site        the application's line, as {@link ApplicationCode} ranks frames
 * @param creator     the frame that made the call into the buffer (a library or JDK frame, e.g.
 *                    {@code Executors.newFixedThreadPool}); equal to site when the application did
 * @param stack       the captured frames, innermost first, one per line
 * @param application whether site is surely or likely the application's (not a fallback)
 * @param otherAgent  whether the code that made the call (the first frame outside the JDK) is another
 *                    Java agent's ({@link OtherAgentCode}): then what it made or fed is that agent's
 */
public record CallSite(String site, String creator, String stack, boolean application, boolean otherAgent) {
    public static final CallSite UNKNOWN = new CallSite("", "", "", false, false);
}

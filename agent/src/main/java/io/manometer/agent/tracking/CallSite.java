package io.manometer.agent.tracking;

/**
 * Where something was created or fed from.
 *
 * @param site    the first frame outside the JDK: normally the application line
 * @param creator the frame that made the call into the buffer (a library or JDK frame, e.g.
 *                {@code Executors.newFixedThreadPool}); equal to site when the application did
 * @param stack   the captured frames, innermost first, one per line
 */
public record CallSite(String site, String creator, String stack) {
    public static final CallSite UNKNOWN = new CallSite("", "", "");
}

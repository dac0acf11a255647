package io.manometer.agent.config;

import java.util.List;

/**
 * A system property or environment variable that looks like one of the agent's options but is none:
 * a typo of a known one, said in one line rather than changing nothing without a word.
 */
final class MisspeltOptions {
    private MisspeltOptions() {}

    /**
     * Adds a problem for each name under {@code prefix} within two edits of a known option's. Other
     * names under the prefix belong to other tools (the Maven plugin's manometer.failOn) and pass.
     */
    static void find(Iterable<String> names, String prefix, String flag, List<String> problems) {
        for (String name : names) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            AgentOptions.Key closest = null;
            int best = Integer.MAX_VALUE;
            for (AgentOptions.Key key : AgentOptions.Key.values()) {
                String known = prefix.equals(AgentOptions.PROPERTY_PREFIX) ? key.systemProperty()
                        : key.environmentVariable();
                int distance = editDistance(name, known);
                if (distance < best) {
                    best = distance;
                    closest = key;
                }
            }
            if (best > 0 && best <= 2) {
                String meant = prefix.equals(AgentOptions.PROPERTY_PREFIX) ? closest.systemProperty()
                        : closest.environmentVariable();
                problems.add("unknown option '" + flag + name + "' ignored; did you mean '" + flag + meant
                        + "'? known options: " + AgentOptions.knownNames());
            }
        }
    }

    /** Levenshtein distance, for names of a few dozen characters. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

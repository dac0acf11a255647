package io.manometer.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's settings. Read in premain, so written without lambdas: the first lambda a JVM runs
 * costs milliseconds of start-up.
 * Each one can come from {@code -javaagent:manometer-agent.jar=key=value,...},
 * a system property {@code manometer.key}, or an environment variable {@code MANOMETER_KEY}
 * (upper case, dots as underscores), in that order of precedence. A bad entry never stops the
 * application: it becomes a problem line and the default stands.
 */
public final class AgentOptions {

    /**
     * Every key the agent understands, with its default and what it means: the one place an option
     * is described (docs/agent.md's table is generated from it, AgentOptionsDocTest).
     */
    public enum Key {
        ENABLED("enabled", "true", "`false` turns the agent off entirely"),
        VERBOSE("verbose", "false", "log what is instrumented, on stderr"),
        TRACK_AFTER("track.after", "64",
                "inserts a queue must see before it is tracked; smaller queues cost only their counters"),
        MAX_BUFFERS("max.buffers", "200", "queues and executors described per sample period (deepest first)"),
        STACK_DEPTH("stack.depth", "" + io.manometer.schema.StackFrames.DEFAULT_DEPTH,
                "frames kept of a creation or producer stack"),
        SITE_CAPTURES_PER_SECOND("site.captures.per.second", "200",
                "stack captures allowed per second (bursts up to 5x)"),
        ARRAY_DEQUE("arraydeque", "true",
                "`false` leaves `java.util.ArrayDeque` alone (a small local deque costs about 1 ns per operation "
                        + "once other code in the JVM uses a large one, as the live verdict's recording does, else "
                        + "nothing measurable; see BENCHMARKS.md)"),
        LINKED_LIST("linkedlist", "true",
                "`false` leaves `java.util.LinkedList` alone (watched as a queue only once 1,024 elements long; a "
                        + "small list pays a field read and a branch per link or unlink)"),
        CALL_SITES("call.sites", "true",
                "`false` leaves application code alone: no async-launch counts, no discarded-`offer` check"),
        MEMORY_BUFFERS("memory.buffers", "true",
                "`false` leaves `ByteArrayOutputStream`, `CharArrayWriter` and `StringWriter` alone"),
        RECORD("record", "auto",
                "`auto`: the agent keeps its own short recording and judges it live (alerts, dumps; see "
                        + "production.md); `off`: none, the agent only counts for recordings you start"),
        RECORD_MINUTES("record.minutes", "5", "how far back the agent's own recording reaches (and so its dumps)"),
        ALERT_LOG("alert.log", "stderr", "where alert lines go: `stderr`, `none`, or a file's path (appended to)"),
        JMX("jmx", "true", "`false` publishes no `io.manometer` MBeans"),
        DUMP_DIR("dump.dir", "",
                "where recordings are dumped before the heap runs out (owner-only files); empty: "
                        + "`<java.io.tmpdir>/manometer-<user>`, a directory of your own made owner-only (never the "
                        + "working directory, which may be a source tree)"),
        DUMP_BEFORE("dump.before", "60",
                "a critical alert whose heap, at its pace, runs out within this many seconds dumps the recordings"),
        DUMP_HEAP_PERCENT("dump.heap.percent", "90",
                "so does the heap kept after a collection passing this share of its maximum"),
        DUMP_MAX("dump.max", "3", "dumps at most, for the life of the JVM"),
        APP_PACKAGES("app.packages", "",
                "the application's own packages, `com.acme,org.example`: a finding's site is the first frame in "
                        + "them; empty: inferred from the main class (see \"Which line is named\")");

        public final String name;
        public final String defaultValue;
        public final String description;

        Key(String name, String defaultValue, String description) {
            this.name = name;
            this.defaultValue = defaultValue;
            this.description = description;
        }

        String systemProperty() {
            return "manometer." + name;
        }

        String environmentVariable() {
            return "MANOMETER_" + name.toUpperCase(Locale.ROOT).replace('.', '_');
        }
    }

    public final boolean enabled;
    public final boolean verbose;
    public final long trackAfter;
    public final int maxBuffers;
    public final int stackDepth;
    public final int siteCapturesPerSecond;
    public final boolean arrayDeque;
    public final boolean linkedList;
    public final boolean callSites;
    public final boolean memoryBuffers;
    /** Whether the agent keeps its own recording, judges it live, alerts and dumps. */
    public final boolean record;
    public final int recordMinutes;
    /** stderr, none, or a file's path. */
    public final String alertLog;
    /** Whether the live verdict is published as io.manometer MBeans. */
    public final boolean jmx;
    public final String dumpDir;
    public final int dumpBeforeSeconds;
    public final int dumpHeapPercent;
    public final int dumpMax;
    /** Package prefixes of the application's own code, each ending in a dot; empty: inferred. */
    public final List<String> appPackages;
    /** Problems found while reading the settings, one line each, for the agent to log. */
    public final List<String> problems;
    private final Map<String, String> effective;

    private AgentOptions(Map<Key, String> raw, List<String> problems) {
        this.problems = problems;
        this.enabled = booleanValue(raw, Key.ENABLED);
        this.verbose = booleanValue(raw, Key.VERBOSE);
        this.trackAfter = positiveIntValue(raw, Key.TRACK_AFTER);
        this.maxBuffers = positiveIntValue(raw, Key.MAX_BUFFERS);
        this.stackDepth = positiveIntValue(raw, Key.STACK_DEPTH);
        this.siteCapturesPerSecond = positiveIntValue(raw, Key.SITE_CAPTURES_PER_SECOND);
        this.arrayDeque = booleanValue(raw, Key.ARRAY_DEQUE);
        this.linkedList = booleanValue(raw, Key.LINKED_LIST);
        this.callSites = booleanValue(raw, Key.CALL_SITES);
        this.memoryBuffers = booleanValue(raw, Key.MEMORY_BUFFERS);
        this.record = !"off".equals(choiceValue(raw, Key.RECORD, "auto", "off"));
        this.recordMinutes = positiveIntValue(raw, Key.RECORD_MINUTES);
        this.alertLog = textValue(raw, Key.ALERT_LOG);
        this.jmx = booleanValue(raw, Key.JMX);
        this.dumpDir = textValue(raw, Key.DUMP_DIR);
        this.dumpBeforeSeconds = positiveIntValue(raw, Key.DUMP_BEFORE);
        this.dumpHeapPercent = positiveIntValue(raw, Key.DUMP_HEAP_PERCENT);
        this.dumpMax = positiveIntValue(raw, Key.DUMP_MAX);
        this.appPackages = packageListValue(raw, Key.APP_PACKAGES);
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put(Key.ENABLED.name, String.valueOf(enabled));
        shown.put(Key.VERBOSE.name, String.valueOf(verbose));
        shown.put(Key.TRACK_AFTER.name, String.valueOf(trackAfter));
        shown.put(Key.MAX_BUFFERS.name, String.valueOf(maxBuffers));
        shown.put(Key.STACK_DEPTH.name, String.valueOf(stackDepth));
        shown.put(Key.SITE_CAPTURES_PER_SECOND.name, String.valueOf(siteCapturesPerSecond));
        shown.put(Key.ARRAY_DEQUE.name, String.valueOf(arrayDeque));
        shown.put(Key.LINKED_LIST.name, String.valueOf(linkedList));
        shown.put(Key.CALL_SITES.name, String.valueOf(callSites));
        shown.put(Key.MEMORY_BUFFERS.name, String.valueOf(memoryBuffers));
        shown.put(Key.RECORD.name, record ? "auto" : "off");
        shown.put(Key.RECORD_MINUTES.name, String.valueOf(recordMinutes));
        shown.put(Key.ALERT_LOG.name, alertLog);
        shown.put(Key.JMX.name, String.valueOf(jmx));
        shown.put(Key.DUMP_DIR.name, dumpDir);
        shown.put(Key.DUMP_BEFORE.name, String.valueOf(dumpBeforeSeconds));
        shown.put(Key.DUMP_HEAP_PERCENT.name, String.valueOf(dumpHeapPercent));
        shown.put(Key.DUMP_MAX.name, String.valueOf(dumpMax));
        if (!appPackages.isEmpty()) { // ';' inside: ',' separates the options in this text
            StringBuilder names = new StringBuilder();
            for (String prefix : appPackages) {
                names.append(names.length() == 0 ? "" : ";").append(prefix, 0, prefix.length() - 1);
            }
            shown.put(Key.APP_PACKAGES.name, names.toString());
        }
        this.effective = Collections.unmodifiableMap(shown);
    }

    /** Reads the agent argument string, then system properties, then the environment. */
    public static AgentOptions fromEnvironment(String agentArgs) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                properties.put(name, System.getProperty(name));
            }
        }
        return parse(agentArgs, properties, System.getenv());
    }

    private static final String PROPERTY_PREFIX = "manometer.";
    private static final String VARIABLE_PREFIX = "MANOMETER_";

    public static AgentOptions parse(String agentArgs, Map<String, String> systemProperties,
                                     Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        Map<Key, String> raw = new LinkedHashMap<>();
        for (Key key : Key.values()) {
            String value = systemProperties.get(key.systemProperty());
            if (value == null) {
                value = environment.get(key.environmentVariable());
            }
            if (value != null) {
                raw.put(key, value.trim());
            }
        }
        misspelt(systemProperties.keySet(), PROPERTY_PREFIX, "-D", problems);
        misspelt(environment.keySet(), VARIABLE_PREFIX, "", problems);
        if (agentArgs != null && !agentArgs.isBlank()) {
            Key listBeingRead = null;
            for (String entry : agentArgs.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                if (eq < 0 && listBeingRead != null) {
                    // app.packages=com.acme,org.example: the comma that separates options also
                    // separates the list, so a bare name after a list continues it.
                    raw.put(listBeingRead, raw.get(listBeingRead) + "," + entry.trim());
                    continue;
                }
                String name = (eq < 0 ? entry : entry.substring(0, eq)).trim();
                Key key = keyNamed(name);
                listBeingRead = key == Key.APP_PACKAGES && eq >= 0 ? key : null;
                if (key == null) {
                    problems.add("unknown option '" + name + "' ignored; known options: " + knownNames());
                } else if (eq < 0) {
                    problems.add("option '" + name + "' needs a value (" + name + "=...); default "
                            + key.defaultValue + " kept");
                } else {
                    raw.put(key, entry.substring(eq + 1).trim());
                }
            }
        }
        return new AgentOptions(raw, problems);
    }

    /**
     * A system property or environment variable that looks like an option but is none: a typo of a
     * known one (two edits or fewer), which would otherwise change nothing without a word. Other
     * names under the prefix belong to other tools (the Maven plugin's manometer.failOn) and pass.
     */
    private static void misspelt(Iterable<String> names, String prefix, String flag, List<String> problems) {
        for (String name : names) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            Key closest = null;
            int best = Integer.MAX_VALUE;
            for (Key key : Key.values()) {
                String known = prefix.equals(PROPERTY_PREFIX) ? key.systemProperty() : key.environmentVariable();
                int distance = editDistance(name, known);
                if (distance < best) {
                    best = distance;
                    closest = key;
                }
            }
            if (best > 0 && best <= 2) {
                String meant = prefix.equals(PROPERTY_PREFIX) ? closest.systemProperty() : closest.environmentVariable();
                problems.add("unknown option '" + flag + name + "' ignored; did you mean '" + flag + meant
                        + "'? known options: " + knownNames());
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

    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> e : effective.entrySet()) {
            text.append(text.length() == 0 ? "" : ",").append(e.getKey()).append('=').append(e.getValue());
        }
        return text.toString();
    }

    private boolean booleanValue(Map<Key, String> raw, Key key) {
        String value = raw.get(key);
        if (value != null) {
            try {
                return parseBoolean(value);
            } catch (IllegalArgumentException e) {
                invalid(key, value, e);
            }
        }
        return parseBoolean(key.defaultValue);
    }

    private String choiceValue(Map<Key, String> raw, Key key, String... choices) {
        String value = raw.get(key);
        if (value != null) {
            for (String choice : choices) {
                if (choice.equalsIgnoreCase(value)) {
                    return choice;
                }
            }
            invalid(key, value, new IllegalArgumentException("expected one of " + String.join(", ", choices)));
        }
        return key.defaultValue;
    }

    /**
     * Package names separated by commas or semicolons, each returned as a prefix ending in a dot
     * (so com.acme matches com.acme.Main and com.acme.orders.Service, not com.acmex.Tool).
     */
    private List<String> packageListValue(Map<Key, String> raw, Key key) {
        String value = raw.get(key);
        List<String> prefixes = new ArrayList<>();
        if (value == null) {
            return prefixes;
        }
        for (String part : value.split("[,;]")) {
            String name = part.trim();
            if (name.endsWith(".*")) {
                name = name.substring(0, name.length() - 2);
            }
            while (name.endsWith(".")) {
                name = name.substring(0, name.length() - 1);
            }
            if (name.isEmpty()) {
                continue;
            }
            if (!isPackageName(name)) {
                invalid(key, value, new IllegalArgumentException("'" + part.trim() + "' is not a package name"));
                return new ArrayList<>();
            }
            prefixes.add(name + ".");
        }
        return Collections.unmodifiableList(prefixes);
    }

    private static boolean isPackageName(String name) {
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
                return false;
            }
            for (int i = 1; i < part.length(); i++) {
                if (!Character.isJavaIdentifierPart(part.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String textValue(Map<Key, String> raw, Key key) {
        String value = raw.get(key);
        return value == null || value.isEmpty() ? key.defaultValue : value;
    }

    private int positiveIntValue(Map<Key, String> raw, Key key) {
        String value = raw.get(key);
        if (value != null) {
            try {
                return parsePositiveInt(value);
            } catch (IllegalArgumentException e) {
                invalid(key, value, e);
            }
        }
        return parsePositiveInt(key.defaultValue);
    }

    private void invalid(Key key, String value, IllegalArgumentException e) {
        problems.add("option '" + key.name + "=" + value + "' is invalid (" + e.getMessage() + "); default "
                + key.defaultValue + " kept");
    }

    private static Key keyNamed(String name) {
        for (Key key : Key.values()) {
            if (key.name.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return null;
    }

    private static String knownNames() {
        StringBuilder names = new StringBuilder();
        for (Key key : Key.values()) {
            names.append(names.length() == 0 ? "" : ", ").append(key.name);
        }
        return names.toString();
    }

    private static boolean parseBoolean(String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("expected true or false");
    }

    private static int parsePositiveInt(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // Falls through to the message below.
        }
        throw new IllegalArgumentException("expected a whole number above 0");
    }
}

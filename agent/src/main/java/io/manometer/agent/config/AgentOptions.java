package io.manometer.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
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

    /** What an option's value is, and so how it is read and checked. */
    public enum Type {
        /** {@code true} or {@code false}. */
        FLAG,
        /** A whole number above 0. */
        COUNT,
        /** One of the key's choices. */
        CHOICE,
        /** Any text; empty stands for the default. */
        TEXT,
        /** Package names separated by commas or semicolons, each read as a prefix ending in a dot. */
        PACKAGES
    }

    /**
     * Every key the agent understands: the one place an option is declared, with its type, its
     * default and what it means. It is read through the typed accessors ({@link #flag},
     * {@link #count}, {@link #text}, {@link #packages}); docs/agent.md's table is generated from it
     * (AgentOptionsDocTest). Adding an option is adding a constant here.
     */
    public enum Key {
        ENABLED("enabled", Type.FLAG, "true", "`false` turns the agent off entirely"),
        VERBOSE("verbose", Type.FLAG, "false", "log what is instrumented, on stderr"),
        TRACK_AFTER("track.after", Type.COUNT, "64",
                "inserts a queue must see before it is tracked; smaller queues cost only their counters"),
        MAX_BUFFERS("max.buffers", Type.COUNT, "200",
                "queues and executors described per sample period (deepest first)"),
        STACK_DEPTH("stack.depth", Type.COUNT, "" + io.manometer.schema.StackFrames.DEFAULT_DEPTH,
                "frames kept of a creation or producer stack"),
        SITE_CAPTURES_PER_SECOND("site.captures.per.second", Type.COUNT, "200",
                "stack captures allowed per second (bursts up to 5x)"),
        ARRAY_DEQUE("arraydeque", Type.FLAG, "true",
                "`false` leaves `java.util.ArrayDeque` alone (a small local deque costs about 1 ns per operation "
                        + "once other code in the JVM uses a large one, as the live verdict's recording does, else "
                        + "nothing measurable; see BENCHMARKS.md)"),
        LINKED_LIST("linkedlist", Type.FLAG, "true",
                "`false` leaves `java.util.LinkedList` alone (watched as a queue only once 1,024 elements long; a "
                        + "small list pays a field read and a branch per link or unlink)"),
        CALL_SITES("call.sites", Type.FLAG, "true",
                "`false` leaves application code alone: no async-launch counts, no discarded-`offer` check"),
        MEMORY_BUFFERS("memory.buffers", Type.FLAG, "true",
                "`false` leaves `ByteArrayOutputStream`, `CharArrayWriter` and `StringWriter` alone"),
        RECORD("record", Type.CHOICE, "auto",
                "`auto`: the agent keeps its own short recording and judges it live (alerts, dumps; see "
                        + "production.md); `off`: none, the agent only counts for recordings you start", "auto", "off"),
        RECORD_MINUTES("record.minutes", Type.COUNT, "5",
                "how far back the agent's own recording reaches (and so its dumps)"),
        ALERT_LOG("alert.log", Type.TEXT, "stderr",
                "where alert lines go: `stderr`, `none`, or a file's path (appended to)"),
        JMX("jmx", Type.FLAG, "true", "`false` publishes no `io.manometer` MBeans"),
        DUMP_DIR("dump.dir", Type.TEXT, "",
                "where recordings are dumped before the heap runs out (owner-only files); empty: "
                        + "`<java.io.tmpdir>/manometer-<user>`, a directory of your own made owner-only (never the "
                        + "working directory, which may be a source tree)"),
        DUMP_BEFORE("dump.before", Type.COUNT, "60",
                "a critical alert whose heap, at its pace, runs out within this many seconds dumps the recordings"),
        DUMP_HEAP_PERCENT("dump.heap.percent", Type.COUNT, "90",
                "so does the heap kept after a collection passing this share of its maximum"),
        DUMP_MAX("dump.max", Type.COUNT, "3", "dumps at most, for the life of the JVM"),
        APP_PACKAGES("app.packages", Type.PACKAGES, "",
                "the application's own packages, `com.acme,org.example`: a finding's site is the first frame in "
                        + "them; empty: inferred from the main class (see \"Which line is named\")");

        public final String name;
        public final Type type;
        public final String defaultValue;
        public final String description;
        /** The values a {@link Type#CHOICE} accepts. */
        private final List<String> choices;

        Key(String name, Type type, String defaultValue, String description, String... choices) {
            this.name = name;
            this.type = type;
            this.defaultValue = defaultValue;
            this.description = description;
            this.choices = List.of(choices);
        }

        String systemProperty() {
            return "manometer." + name;
        }

        String environmentVariable() {
            return "MANOMETER_" + name.toUpperCase(Locale.ROOT).replace('.', '_');
        }
    }

    /** Each key's value, of its type: the default where none was given or the one given was bad. */
    private final Map<Key, Object> values = new EnumMap<>(Key.class);
    /** Problems found while reading the settings, one line each, for the agent to log. */
    private final List<String> problems;

    private AgentOptions(Map<Key, String> raw, List<String> problems) {
        this.problems = problems;
        for (Key key : Key.values()) {
            Object value = null;
            String given = raw.get(key);
            if (given != null) {
                try {
                    value = read(key, given);
                } catch (IllegalArgumentException e) {
                    problems.add("option '" + key.name + "=" + given + "' is invalid (" + e.getMessage() + "); default "
                            + key.defaultValue + " kept");
                }
            }
            values.put(key, value != null ? value : read(key, key.defaultValue));
        }
    }

    /** Whether the agent keeps its own recording and judges it live ({@code record=auto}). */
    public boolean judgesLive() {
        return text(Key.RECORD).equals("auto");
    }

    /** A {@link Type#FLAG}'s value. */
    public boolean flag(Key key) {
        return (Boolean) value(key, Type.FLAG);
    }

    /** A {@link Type#COUNT}'s value. */
    public int count(Key key) {
        return (Integer) value(key, Type.COUNT);
    }

    /** A {@link Type#TEXT}'s or a {@link Type#CHOICE}'s value. */
    public String text(Key key) {
        return (String) value(key, key.type == Type.CHOICE ? Type.CHOICE : Type.TEXT);
    }

    /** A {@link Type#PACKAGES}'s value: prefixes ending in a dot; empty when none was given. */
    @SuppressWarnings("unchecked")
    public List<String> packages(Key key) {
        return (List<String>) value(key, Type.PACKAGES);
    }

    /** Problems found while reading the settings, one line each, for the agent to log. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    private Object value(Key key, Type asked) {
        if (key.type != asked) {
            throw new IllegalArgumentException(key.name + " is a " + key.type + ", not a " + asked);
        }
        return values.get(key);
    }

    /** The value of {@code text} for {@code key}; an IllegalArgumentException says why it is no value. */
    private static Object read(Key key, String text) {
        switch (key.type) {
            case FLAG:
                return parseBoolean(text);
            case COUNT:
                return parsePositiveInt(text);
            case CHOICE:
                for (String choice : key.choices) {
                    if (choice.equalsIgnoreCase(text)) {
                        return choice;
                    }
                }
                throw new IllegalArgumentException("expected one of " + String.join(", ", key.choices));
            case TEXT:
                return text.isEmpty() ? key.defaultValue : text;
            default:
                return packageList(text);
        }
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

    static final String PROPERTY_PREFIX = "manometer.";
    static final String VARIABLE_PREFIX = "MANOMETER_";

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
        MisspeltOptions.find(systemProperties.keySet(), PROPERTY_PREFIX, "-D", problems);
        MisspeltOptions.find(environment.keySet(), VARIABLE_PREFIX, "", problems);
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

    /** The options in effect, as the agent argument would give them (verbose logs it). */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Key key : Key.values()) {
            String shown;
            if (key.type == Type.PACKAGES) {
                List<String> prefixes = packages(key);
                if (prefixes.isEmpty()) {
                    continue;
                }
                // ';' inside: ',' separates the options in this text.
                StringBuilder names = new StringBuilder();
                for (String prefix : prefixes) {
                    names.append(names.length() == 0 ? "" : ";").append(prefix, 0, prefix.length() - 1);
                }
                shown = names.toString();
            } else {
                shown = String.valueOf(values.get(key));
            }
            text.append(text.length() == 0 ? "" : ",").append(key.name).append('=').append(shown);
        }
        return text.toString();
    }

    /**
     * Package names separated by commas or semicolons, each returned as a prefix ending in a dot
     * (so com.acme matches com.acme.Main and com.acme.orders.Service, not com.acmex.Tool).
     */
    private static List<String> packageList(String value) {
        List<String> prefixes = new ArrayList<>();
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
                throw new IllegalArgumentException("'" + part.trim() + "' is not a package name");
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

    private static Key keyNamed(String name) {
        for (Key key : Key.values()) {
            if (key.name.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return null;
    }

    static String knownNames() {
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

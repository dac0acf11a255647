package io.manometer.analyzer.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What JFR's old-object sampler ({@code jdk.OldObjectSample}) found still alive when the recording
 * ended, grouped by type and by the line that allocated it. It needs no agent: when the heap grows
 * and no buffer the agent watches explains it (a library's own linked structure, a map of pending
 * requests), this is where the memory is held. Allocation lines need stack traces, which JFR's
 * default settings leave off for this event and its {@code profile} settings turn on.
 */
public final class RetainedObjects {
    /** Groups kept apart at most; further samples are still counted. */
    static final int MAX_GROUPS = 1000;

    /** Sampled objects of one type allocated at one line. */
    public static final class Group {
        final String type;
        final String site;
        final String stack;
        int samples;

        Group(String type, String site, String stack) {
            this.type = type;
            this.site = site;
            this.stack = stack;
        }

        public String type() {
            return type;
        }

        /** First frame outside the JDK (constructors passed over) of the allocation; empty without stacks. */
        public String site() {
            return site;
        }

        public String stack() {
            return stack;
        }

        public int samples() {
            return samples;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private int samples;

    /** {@code type} as JFR names classes: arrays by descriptor ("[B", "[Ljava.lang.String;"). */
    void add(String type, String site, String stack) {
        type = readable(type);
        samples++;
        String key = type + " " + site;
        Group group = groups.get(key);
        if (group == null) {
            if (groups.size() >= MAX_GROUPS) {
                return;
            }
            group = new Group(type, site, stack);
            groups.put(key, group);
        }
        group.samples++;
    }

    /** "[B" as byte[], "[[Ljava.lang.String;" as java.lang.String[][]; other names as they are. */
    static String readable(String jvmName) {
        int dims = 0;
        while (dims < jvmName.length() && jvmName.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0 || dims == jvmName.length()) {
            return jvmName;
        }
        String element = switch (jvmName.charAt(dims)) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'L' -> jvmName.endsWith(";") ? jvmName.substring(dims + 1, jvmName.length() - 1) : null;
            default -> null;
        };
        return element == null ? jvmName : element + "[]".repeat(dims);
    }

    void absorb(RetainedObjects later) {
        samples += later.samples;
        later.groups.forEach((key, part) -> {
            Group group = groups.get(key);
            if (group != null) {
                group.samples += part.samples;
            } else if (groups.size() < MAX_GROUPS) {
                groups.put(key, part);
            }
        });
    }

    /** Objects sampled in all. */
    public int samples() {
        return samples;
    }

    /** The group with the most samples, or null when nothing was sampled. */
    public Group largest() {
        return groups.values().stream().max(Comparator.comparingInt(Group::samples)).orElse(null);
    }

    /** All groups, most samples first. */
    public List<Group> groups() {
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort(Comparator.comparingInt(Group::samples).reversed());
        return sorted;
    }
}

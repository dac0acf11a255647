package io.manometer.agent.tracking;

import io.manometer.schema.StackFrames;
import java.security.ProtectionDomain;
import java.util.List;

/**
 * Which frame of a stack is the application's own line: the one a finding names as its site.
 *
 * <p>No single signal is enough. Code sources tell libraries apart only when each comes in its own
 * jar; a shaded uber-jar or a Spring Boot jar puts them beside the application. So each frame is
 * ranked by combining what is known, and the first frame of the best rank wins:
 * <ol start="0">
 *   <li>declared: in a package given by {@code app.packages}; without that option, under the
 *       launched main class's package root (its first two segments: {@code com.acme.shop.Main}
 *       makes {@code com.acme.}), or compiled by a single-file source launch;</li>
 *   <li>likely: outside the JDK, outside well-known libraries, frameworks and agents
 *       ({@link StackFrames#isKnownLibrary}), not defined by the boot loader (where other agents
 *       put their classes), and not the buffer's own library (same code source and package root);</li>
 *   <li>outside the buffer's code source (the rule before any of this);</li>
 *   <li>anything outside the JDK.</li>
 * </ol>
 */
public final class ApplicationCode {
    static final int DECLARED = 0;
    static final int LIKELY = 1;
    static final int OTHER_CODE_SOURCE = 2;
    static final int OUTSIDE_JDK = 3;
    static final int JDK = 4;

    private static final String SOURCE_LAUNCHER_PACKAGE = "com.sun.tools.javac.launcher.";

    /** Prefixes ending in a dot; the empty string stands for the unnamed package. */
    private final List<String> declaredPackages;
    private final boolean explicit;

    private final ClassValue<Integer> ownerIndependentRank = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return rankIgnoringOwner(type);
        }
    };

    private ApplicationCode(List<String> declaredPackages, boolean explicit) {
        this.declaredPackages = declaredPackages;
        this.explicit = explicit;
    }

    /**
     * From the {@code app.packages} option when given (each prefix ending in a dot), else from the
     * main class's package root; a main class that is itself a library's launcher declares nothing.
     */
    public static ApplicationCode of(List<String> appPackages, String mainClass) {
        if (!appPackages.isEmpty()) {
            return new ApplicationCode(List.copyOf(appPackages), true);
        }
        if (mainClass == null || mainClass.isEmpty() || StackFrames.isJdk(mainClass)
                || StackFrames.isKnownLibrary(mainClass)) {
            return new ApplicationCode(List.of(), false);
        }
        return new ApplicationCode(List.of(packageRoot(mainClass)), false);
    }

    /** Nothing declared: libraries and code sources decide alone. */
    static ApplicationCode inferred() {
        return new ApplicationCode(List.of(), false);
    }

    /** For the agent's log: what counts as the application, in a few words. */
    public String describe() {
        if (declaredPackages.isEmpty()) {
            return "inferred from code sources and known libraries";
        }
        StringBuilder text = new StringBuilder(explicit ? "app.packages " : "main class root ");
        for (int i = 0; i < declaredPackages.size(); i++) {
            String prefix = declaredPackages.get(i);
            text.append(i == 0 ? "" : ";").append(prefix.isEmpty() ? "(unnamed package)" : prefix + "*");
        }
        return text.toString();
    }

    /**
     * The rank of a frame's class (lower is more surely the application's), for a buffer of class
     * {@code owner} (null for none, e.g. an async launch).
     */
    int rank(Class<?> frame, Class<?> owner) {
        int rank = ownerIndependentRank.get(frame);
        if (rank == DECLARED || rank == JDK) {
            return rank;
        }
        boolean ownersCodeSource = owner != null && owner.getClassLoader() != null
                && frame.getProtectionDomain() == owner.getProtectionDomain();
        if (rank == LIKELY) {
            // In an uber-jar everything shares one code source: the package root tells the
            // buffer's library (a factory beside its queue class) from the application beside it.
            return ownersCodeSource && sameRoot(frame.getName(), owner.getName()) ? OUTSIDE_JDK : LIKELY;
        }
        return ownersCodeSource ? OUTSIDE_JDK : OTHER_CODE_SOURCE;
    }

    /**
     * The rank of a class known only by its name (while it loads): declared, likely (outside the
     * JDK and known libraries), or outside the JDK.
     */
    int rankByName(String className) {
        if (StackFrames.isJdk(className)) {
            return JDK;
        }
        if (declaresName(className)) {
            return DECLARED;
        }
        return StackFrames.isKnownLibrary(className) ? OUTSIDE_JDK : LIKELY;
    }

    private int rankIgnoringOwner(Class<?> type) {
        String name = type.getName();
        if (StackFrames.isJdk(name)) {
            return JDK;
        }
        if (isDeclared(type)) {
            return DECLARED;
        }
        if (type.getClassLoader() == null || StackFrames.isKnownLibrary(name)) {
            return OUTSIDE_JDK; // the boot loader holds only the JDK and other agents' classes
        }
        return LIKELY;
    }

    private boolean isDeclared(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (!explicit && loader != null && loader.getClass().getName().startsWith(SOURCE_LAUNCHER_PACKAGE)) {
            return true; // java Main.java: the launcher's in-memory loader holds only that file's classes
        }
        return declaresName(type.getName());
    }

    private boolean declaresName(String name) {
        for (String prefix : declaredPackages) {
            if (prefix.isEmpty() ? name.indexOf('.') < 0 : name.startsWith(prefix)) {
                return explicit || !StackFrames.isKnownLibrary(name);
            }
        }
        return false;
    }

    /** Roots that name a code host, not an owner: the owner is the next segment. */
    private static final List<String> HOSTING_ROOTS = List.of("io.github.", "com.github.", "io.gitlab.",
            "com.gitlab.", "org.bitbucket.");

    /**
     * {@code com.acme.shop.Main} gives {@code com.acme.}; {@code io.github.alice.tool.Main} gives
     * {@code io.github.alice.} (the host's root holds everyone's projects); the unnamed package, "".
     */
    static String packageRoot(String className) {
        int first = className.indexOf('.');
        if (first < 0) {
            return "";
        }
        int second = className.indexOf('.', first + 1);
        String root = className.substring(0, second < 0 ? first + 1 : second + 1);
        if (second > 0 && HOSTING_ROOTS.contains(root)) {
            int third = className.indexOf('.', second + 1);
            return third < 0 ? root : className.substring(0, third + 1);
        }
        return root;
    }

    private static boolean sameRoot(String a, String b) {
        return packageRoot(a).equals(packageRoot(b));
    }
}

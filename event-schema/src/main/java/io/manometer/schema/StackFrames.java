package io.manometer.schema;

/**
 * How a stack frame is written in every {@code manometer.*} event and report, and which classes
 * count as the JDK's. The agent writes frames from {@code StackWalker} and from the bytecode it
 * rewrites, the analyzer from the JDK's own events: all three agree through this class.
 */
public final class StackFrames {
    /** Package prefixes of the JDK: frames in them are never an application's site. */
    private static final String[] JDK_PACKAGES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

    /**
     * Package prefixes of widely used libraries, frameworks, launchers and other agents: their
     * frames are never taken for the application's own, whatever jar they were packaged in (a
     * shaded uber-jar puts them beside the application's classes). Not exhaustive: code sources
     * and the main class's package decide for the rest, and the agent's {@code app.packages}
     * overrides it.
     */
    private static final String[] LIBRARY_PACKAGES = {
            // languages and their runtimes
            "kotlin.", "kotlinx.", "scala.", "groovy.", "org.codehaus.groovy.", "clojure.",
            // frameworks, servers, clients
            "org.springframework.", "io.micronaut.", "io.quarkus.", "io.helidon.", "io.vertx.", "io.dropwizard.",
            "io.ktor.", "com.linecorp.armeria.", "io.undertow.", "org.eclipse.", "org.glassfish.", "org.jboss.",
            "jakarta.", "org.apache.", "com.google.", "com.squareup.", "okhttp3.", "okio.", "retrofit2.",
            "feign.", "io.netty.", "io.grpc.", "reactor.", "io.projectreactor.", "io.reactivex.", "rx.",
            "org.reactivestreams.", "akka.", "io.smallrye.", "io.github.resilience4j.", "io.lettuce.",
            "redis.clients.", "software.amazon.", "com.amazonaws.", "com.azure.", "com.microsoft.",
            "com.fasterxml.", "org.yaml.", "org.hibernate.", "org.jooq.", "com.zaxxer.", "org.postgresql.",
            "com.mysql.", "org.mariadb.", "oracle.", "com.mongodb.", "org.bson.", "org.elasticsearch.",
            "co.elastic.clients.", "com.rabbitmq.", "io.confluent.", "com.hazelcast.", "org.infinispan.",
            "org.ehcache.", "com.github.benmanes.", "org.jctools.", "com.lmax.", "io.temporal.", "org.h2.",
            "org.flywaydb.", "liquibase.", "io.swagger.", "org.aspectj.", "net.bytebuddy.", "org.objectweb.asm.",
            "org.slf4j.", "ch.qos.logback.", "io.micrometer.", "io.prometheus.", "com.codahale.metrics.",
            "org.jetbrains.", "com.intellij.", "org.gradle.", "worker.org.gradle.",
            // tests
            "org.junit.", "junit.", "org.testng.", "org.mockito.", "org.assertj.", "org.hamcrest.",
            // observability APIs and SDKs the application calls itself
            "io.opentelemetry.", "co.elastic.apm.", "io.sentry.",
    };

    /** Package prefixes of the Java agents people run beside Manometer (APM, tracing, profiling). */
    private static final String[] AGENT_PACKAGES = {
            "io.opentelemetry.javaagent.", "co.elastic.apm.agent.", "datadog.", "com.datadoghq.",
            "com.newrelic.", "com.dynatrace.", "com.appdynamics.", "org.glowroot.", "com.instana.",
            "io.pyroscope.javaagent.",
    };

    /** Frames kept of a stack unless told otherwise. */
    public static final int DEFAULT_DEPTH = 12;

    /** Separates the frames of a stack, innermost first. */
    public static final String SEPARATOR = "\n";

    private StackFrames() {}

    /** Whether a class (binary name, dots) belongs to the JDK. */
    public static boolean isJdk(String className) {
        for (String prefix : JDK_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a class (binary name, dots) belongs to a well-known library, framework or agent. */
    public static boolean isKnownLibrary(String className) {
        return startsWithAny(className, LIBRARY_PACKAGES) || isKnownAgent(className);
    }

    /** Whether a class (binary name, dots) belongs to a well-known Java agent other than Manometer. */
    public static boolean isKnownAgent(String className) {
        return startsWithAny(className, AGENT_PACKAGES);
    }

    private static boolean startsWithAny(String className, String[] prefixes) {
        for (String prefix : prefixes) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code package.Class.method(File.java:line)}; without a line, {@code (File.java)}; without a
     * file, {@code (Unknown Source)}.
     */
    public static String format(String className, String method, String file, int line) {
        String where = file == null ? "Unknown Source" : line > 0 ? file + ":" + line : file;
        return className + "." + method + "(" + where + ")";
    }

    /** The class of a frame written by {@link #format}: what precedes the method's name. */
    public static String classNameOf(String frame) {
        int call = frame.indexOf('(');
        int method = frame.lastIndexOf('.', call < 0 ? frame.length() : call);
        return method < 0 ? frame : frame.substring(0, method);
    }

    /**
     * The source file a class most likely came from, for frames that carry none (JFR's): the
     * outermost class's simple name, {@code .java}.
     */
    public static String inferredSourceFile(String className) {
        String outer = className.substring(className.lastIndexOf('.') + 1);
        int nested = outer.indexOf('$');
        return (nested > 0 ? outer.substring(0, nested) : outer) + ".java";
    }
}

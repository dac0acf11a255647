package io.manometer.corpus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The label of one corpus program: what a careful engineer would conclude of it, written next to
 * the code, as OWASP Benchmark labels each of its test cases. The scorecard compares it with the
 * verdict; nothing else about a program is special.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Shape {
    /** The kind of buffer (the scorecard's category): {@code executor}, {@code queue}, ... */
    String buffer();

    /** What the program does with it, in a few words: {@code continuous overload}, {@code burst that drains}. */
    String behaviour();

    /**
     * The finding kinds that name the problem, any one of which at {@link #severity()} or above at
     * the program's own line is a detection; empty for a healthy program, which must yield nothing
     * at warning or above.
     */
    String[] expect() default {};

    /** The least severity a detection needs: {@code warning} or {@code critical}. */
    String severity() default "warning";

    /** How the program is started. */
    Launch launch() default Launch.CLASS_PATH;

    /** The oldest JDK whose API the program uses (virtual threads: 21); older JDKs skip it. */
    int minJdk() default 17;

    /**
     * Seconds the program runs, when its shape needs longer than the corpus's default to show (a
     * consumer that hangs is called stalled only after 10 s without a drain); 0 for the default.
     */
    int seconds() default 0;

    /** Part of the fast subset CI runs on every JDK; the whole corpus runs with {@code -Dcorpus=all}. */
    boolean ci() default false;

    /** How a program is launched, as users launch theirs. */
    enum Launch {
        /** {@code java -cp app.jar:lib/*.jar Main}. */
        CLASS_PATH,
        /** {@code java -cp app-shaded.jar Main}: the libraries inside the application's own jar. */
        SHADED_JAR,
        /** {@code java Main.java}: a single-file source launch, compiled in memory. */
        SOURCE_FILE
    }
}

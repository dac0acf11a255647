package io.manometer.demo;

import java.time.Duration;

/** One failure shape from the seed, in one variant: broken (no backpressure) or fixed. */
public interface Demo {
    /** Short name used on the command line, e.g. {@code file-to-sink}. */
    String name();

    /** Which variant this is. */
    Variant variant();

    /** One sentence: what it does and why it fails or holds. */
    String description();

    /** Runs for about {@code duration}, then prints what happened. */
    void run(Duration duration) throws Exception;

    enum Variant { broken, fixed }
}

package io.manometer.demo;

import java.time.Duration;

/** One failure shape from the seed, in one variant: broken (no backpressure) or fixed. */
public abstract class Demo {
    /** Which variant a demo is. */
    public enum Variant { broken, fixed }

    private final String name;
    private final Variant variant;
    private final String description;

    /**
     * @param name        short name used on the command line, e.g. {@code file-to-sink}
     * @param description one sentence: what it does and why it fails or holds
     */
    protected Demo(String name, Variant variant, String description) {
        this.name = name;
        this.variant = variant;
        this.description = description;
    }

    public final String name() {
        return name;
    }

    public final Variant variant() {
        return variant;
    }

    public final String description() {
        return description;
    }

    /** Runs for about {@code duration}, then prints what happened. */
    public abstract void run(Duration duration) throws Exception;
}

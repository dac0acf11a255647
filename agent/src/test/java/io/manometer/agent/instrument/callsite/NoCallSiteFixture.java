package io.manometer.agent.instrument.callsite;

import java.io.OutputStream;

/** Names "write" and "start" (its own methods) but calls nothing that is rewritten. */
final class NoCallSiteFixture extends OutputStream {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void write(int b) {
        text.append((char) b);
    }

    void start() {
        text.setLength(0);
    }
}

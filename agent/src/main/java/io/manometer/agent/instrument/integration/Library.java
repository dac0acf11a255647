package io.manometer.agent.instrument.integration;

import io.manometer.agent.model.OutboundTransport;

/**
 * One library the agent integrates with, as its folder declares it: which classes it instruments
 * (by the end of their name, so a relocated copy is recognised too), the connections it follows,
 * and its integration. Loaded at premain for the name check, so it names no Byte Buddy type; the
 * integration, which does, is made at warm-up.
 */
public interface Library {
    /** The end of the internal name (slashes) of the class the integration instruments. */
    String classNameEnd();

    /** The connections whose outbound bytes it counts. */
    OutboundTransport transport();

    /** Its matcher and advice; called once, at warm-up. */
    LibraryIntegration integration();
}

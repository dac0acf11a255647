package io.manometer.agent.instrument.integration;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;

/**
 * What the agent adds to one library's classes, chosen by class name when a class is loaded: no
 * class of the library is ever referenced, so the agent jar needs none, and a relocated copy of the
 * library (Netty inside grpc-netty-shaded) is recognised by the tail of its name.
 */
public interface LibraryIntegration {
    /** Whether this integration instruments the class ({@code internalName}: slashes). */
    boolean instruments(String internalName);

    /**
     * Returns the builder with the integration's fields and advice, or null when this version of
     * the library lacks what the advice reads (then the class is left as it is).
     */
    DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type);
}

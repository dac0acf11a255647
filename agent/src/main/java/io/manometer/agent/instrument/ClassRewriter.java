package io.manometer.agent.instrument;

/**
 * Rewrites one class the agent instruments. An interface so that the transformer that sees every
 * class can be loaded and linked without loading any Byte Buddy class on the application's thread.
 */
interface ClassRewriter {
    /** Returns the instrumented class file, or null to leave the class unchanged. */
    byte[] rewrite(ClassLoader loader, String className, byte[] classFile, TypeHierarchy.Kind kind);
}

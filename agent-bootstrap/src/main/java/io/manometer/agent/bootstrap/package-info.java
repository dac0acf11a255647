/**
 * The bridge between instrumented code and the agent.
 *
 * <p>WARNING: every class in this package is defined in the bootstrap class loader by the agent
 * (never loaded from the agent jar by the application class loader), because advice inlined into
 * {@code java.base} classes can only link against bootstrap classes. Keep it tiny: plain data and
 * {@code volatile} hooks, no logic, no dependency outside {@code java.base}. All behaviour lives
 * in the agent, behind {@link io.manometer.agent.bootstrap.BridgeHooks}.
 */
package io.manometer.agent.bootstrap;

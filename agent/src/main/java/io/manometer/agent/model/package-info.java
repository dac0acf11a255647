/**
 * Facts that the instrumentation (which rewrites classes) and the tracking (which keeps what the
 * rewritten code reports) both need. Rule: {@code instrument} and {@code tracking} import this
 * package and never each other; the agent's start-up ({@code AgentRuntime}) wires them together.
 */
package io.manometer.agent.model;

/**
 * Advice inlined into instrumented classes. Its code is copied into JDK and library classes, so it
 * may reference only the bootstrap bridge and must stay a few instructions long: load the
 * counters field, bump a counter, compare with the tracking threshold. Every advice suppresses its
 * own throwables.
 */
package io.manometer.agent.instrument.advice;

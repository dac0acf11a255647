/**
 * The JDK Flight Recorder events Manometer writes, all named {@code manometer.*}. They are periodic:
 * JFR asks for them while a recording has them enabled (by default whenever any recording runs),
 * so with no recording the agent emits nothing. The schema is documented in docs/events.md and
 * versioned by {@link io.manometer.schema.EventSchema#VERSION}; their names are declared there too.
 */
package io.manometer.agent.events;

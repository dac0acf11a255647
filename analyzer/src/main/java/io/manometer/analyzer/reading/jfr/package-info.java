/**
 * The JFR file format, read directly for the few event types the analyzer reads by the million
 * (the agent's periodic samples). {@code jdk.jfr.consumer} decodes every field of every event into
 * objects and looks fields up by name in a list; here a chunk is mapped, its metadata and string
 * pool are read once, events of other types are stepped over by their size, and the wanted ones
 * are decoded by position into numbers.
 *
 * <p>Only what JFR itself writes today is read: finished chunks of format 2 with compressed
 * integers. Anything else is refused with an {@link java.io.IOException}, and the caller reads the
 * file with {@code jdk.jfr.consumer} instead. Nothing here knows the agent's events: the reader
 * names the events it wants.
 */
package io.manometer.analyzer.reading.jfr;

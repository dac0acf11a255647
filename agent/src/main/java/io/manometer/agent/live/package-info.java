/**
 * The verdict while the process can still be saved. The agent keeps its own short recording of its
 * events and the JDK's heap and thread events, reads it back as it is written, and judges it with
 * the analyzer's own reader and detectors (shaded in): the verdict live is the verdict offline.
 * A change of verdict becomes an alert line and a {@code manometer.Alert} event; a heap about to
 * run out makes it dump the recordings first. Everything here runs on the recording stream's own
 * thread, never on the application's, and nothing here touches the per-element path.
 */
package io.manometer.agent.live;

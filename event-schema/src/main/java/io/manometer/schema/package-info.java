/**
 * The contract between the agent and every reader of its recordings. Nothing here may depend on
 * anything but {@code java.base}: the agent shades it, the analyzer reads with it.
 *
 * <p>Rule: a name written by the agent and read by the analyzer is declared here once, and both
 * sides refer to the constant. Changing a field's meaning or removing it raises
 * {@link io.manometer.schema.EventSchema#VERSION}; adding one does not.
 */
package io.manometer.schema;

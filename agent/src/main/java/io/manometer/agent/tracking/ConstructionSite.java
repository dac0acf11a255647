package io.manometer.agent.tracking;

/**
 * A line that constructs a queue, known since its class was loaded: the queue's creation site
 * without a stack walk, used when the application constructs it (no walk needed) or when the
 * capture budget was spent (better one frame than none).
 *
 * @param type binary name of the class constructed: a queue of another class (one built inside
 *             that constructor, a subclass's) is not named by it
 * @param site the line, as a one-frame call site
 */
record ConstructionSite(String type, CallSite site) {}

package io.manometer.agent.bootstrap;

/**
 * The layers of {@link BufferCounters}, padded so that the producers' and the consumers' counters
 * never share a 64-byte cache line. Public because advice in JDK classes reads their fields.
 */
public final class CounterPadding {
    private CounterPadding() {}

    /** Keeps the insert side off the cache line of whatever was allocated just before. */
    public abstract static class LeadingPad {
        long p01, p02, p03, p04, p05, p06, p07, p08;
    }

    public abstract static class InsertSide extends LeadingPad {
        /** Elements accepted (successful add/offer/put/transfer and variants), or tasks submitted. */
        public long inserted;
        /**
         * Insert count at which the agent is next told about the buffer: short-lived or tiny buffers
         * never reach it and so cost nothing beyond these counters.
         */
        public long trackAt;
        /**
         * Elements the buffer refused (offer returned false) or tasks it rejected: the signal that
         * a bound is doing its job, or that items are being dropped.
         */
        public long refused;
    }

    public abstract static class MiddlePad extends InsertSide {
        long p11, p12, p13, p14, p15, p16, p17, p18;
    }

    public abstract static class RemoveSide extends MiddlePad {
        /**
         * Elements removed (successful poll/take/remove/drainTo and variants). Counted only for
         * queues whose size cannot be read cheaply; for the others it is inserted minus depth.
         */
        public long removed;
        /** Removal count at which the agent is next told which thread consumes. */
        public long removeAt;
        long p21, p22, p23, p24, p25, p26, p27;
    }
}

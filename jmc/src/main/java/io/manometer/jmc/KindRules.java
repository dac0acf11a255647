package io.manometer.jmc;

/**
 * One JDK Mission Control rule per kind of finding the agent's events yield, each a class of its
 * own because JMC finds rules by class ({@code META-INF/services/org.openjdk.jmc.flightrecorder.rules.IRule}).
 * {@code KindRulesTest} keeps this list, that registration and the analyzer's kinds the same.
 */
public final class KindRules {
    private KindRules() {}

    public static final class QueueBacklog extends ManometerRule {
        public QueueBacklog() {
            super("queue-backlog");
        }
    }

    public static final class ExecutorBacklog extends ManometerRule {
        public ExecutorBacklog() {
            super("executor-backlog");
        }
    }

    public static final class EarlyAck extends ManometerRule {
        public EarlyAck() {
            super("early-ack");
        }
    }

    public static final class UnboundedFanOut extends ManometerRule {
        public UnboundedFanOut() {
            super("unbounded-fan-out");
        }
    }

    public static final class EarlyAckLaunch extends ManometerRule {
        public EarlyAckLaunch() {
            super("early-ack-launch");
        }
    }

    public static final class FanOutLimited extends ManometerRule {
        public FanOutLimited() {
            super("fan-out-limited");
        }
    }

    public static final class MemoryBufferGrowth extends ManometerRule {
        public MemoryBufferGrowth() {
            super("memory-buffer-growth");
        }
    }

    public static final class IgnoredRefusal extends ManometerRule {
        public IgnoredRefusal() {
            super("ignored-refusal");
        }
    }

    public static final class IgnoredWrite extends ManometerRule {
        public IgnoredWrite() {
            super("ignored-write");
        }
    }

    public static final class RejectionDropped extends ManometerRule {
        public RejectionDropped() {
            super("rejection-dropped");
        }
    }

    public static final class RejectionCounted extends ManometerRule {
        public RejectionCounted() {
            super("rejection-counted");
        }
    }

    public static final class RejectionHandled extends ManometerRule {
        public RejectionHandled() {
            super("rejection-handled");
        }
    }

    public static final class BackpressureEngaged extends ManometerRule {
        public BackpressureEngaged() {
            super("backpressure-engaged");
        }
    }

    public static final class ConsumerStalled extends ManometerRule {
        public ConsumerStalled() {
            super("consumer-stalled");
        }
    }

    public static final class WriterBlocked extends ManometerRule {
        public WriterBlocked() {
            super("writer-blocked");
        }
    }

    public static final class OutboundGrowth extends ManometerRule {
        public OutboundGrowth() {
            super("outbound-growth");
        }
    }

    public static final class WritabilityIgnored extends ManometerRule {
        public WritabilityIgnored() {
            super("writability-ignored");
        }
    }
}

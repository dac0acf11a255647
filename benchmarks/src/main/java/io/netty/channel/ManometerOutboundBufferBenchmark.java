package io.netty.channel;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Only the instrumented methods of Netty's {@code ChannelOutboundBuffer}: a message added, flushed
 * and removed, as a socket write does for each message, without the pipeline around it (whose cost
 * and noise hide a nanosecond). In Netty's package, as Netty's own microbenchmarks are, to hold a
 * channel past its high water mark ({@code incrementPendingOutboundBytes} is package-private).
 *
 * <ul>
 *   <li>{@code writable}: a channel that never backed up: the advice is a null check;</li>
 *   <li>{@code backed-up}: a channel held past its mark, with counters: each message is counted,
 *       as written while unwritable (the broken writer's path).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ManometerOutboundBufferBenchmark {
    @Param({"writable", "backed-up"})
    public String state;

    private EmbeddedChannel channel;
    private ChannelOutboundBuffer buffer;
    private final Object message = new Object(); // not reference-counted: remove() releases nothing

    @Setup
    public void setUp() {
        channel = new EmbeddedChannel();
        buffer = channel.unsafe().outboundBuffer();
        if (state.equals("backed-up")) {
            buffer.incrementPendingOutboundBytes(1 << 20); // past the 64 KiB mark: unwritable from now on
        }
    }

    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    @Benchmark
    public boolean addFlushRemove() {
        buffer.addMessage(message, 64, channel.voidPromise());
        buffer.addFlush();
        return buffer.remove();
    }
}

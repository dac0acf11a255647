package io.manometer.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Netty integration's cost per write, on an {@link EmbeddedChannel} (no socket: Netty's own
 * write path is all that is timed, so the agent's share is largest). Run with and without the
 * agent by {@link AgentCostRunner}.
 *
 * <ul>
 *   <li>{@code writeAndFlush}: a channel that never backs up, as nearly all are: the advice is a
 *       null check of the counters field;</li>
 *   <li>{@code writeWhileBackedUp}: writes without a flush, 1,024 at a time, so the channel passes
 *       its high water mark every batch: it has counters, and each write is counted, most of them
 *       while the channel is unwritable (the broken writer's path).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NettyWriteBenchmark {
    private static final int BATCH = 1024;

    private EmbeddedChannel channel;
    private ByteBuf payload;
    private int written;

    @Setup
    public void setUp() {
        channel = new EmbeddedChannel();
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8 * 1024, 16 * 1024));
        payload = Unpooled.directBuffer(64).writeZero(64);
    }

    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
        payload.release();
    }

    @Benchmark
    public boolean writeAndFlush() {
        channel.writeAndFlush(payload.retainedDuplicate());
        ReferenceCountUtil.release(channel.readOutbound());
        return channel.isWritable();
    }

    @Benchmark
    public boolean writeWhileBackedUp() {
        channel.write(payload.retainedDuplicate());
        if (++written == BATCH) {
            written = 0;
            channel.flush();
            for (Object m; (m = channel.readOutbound()) != null; ) {
                ReferenceCountUtil.release(m);
            }
        }
        return channel.isWritable();
    }
}

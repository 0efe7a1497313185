package io.medgw.gateway.net;

import io.netty.channel.DefaultSelectStrategyFactory;
import io.netty.channel.SelectStrategy;
import io.netty.channel.SelectStrategyFactory;
import io.netty.util.IntSupplier;
import org.agrona.concurrent.NanoClock;

/**
 * An event loop's select strategy that keeps polling without blocking for {@code io.busy.poll.us}
 * after its last I/O event or task, then blocks as usual.
 * <p>
 * Why: one request on a quiet connection makes two cross-thread hand-overs, socket → event loop and
 * pipeline → event loop (the reply task). When the loop sleeps in epoll_wait, each costs a wake-up
 * (an eventfd write on the pipeline thread, then the scheduler waking the loop). While the loop
 * polls, a reply task is seen on the next turn with no syscall on the pipeline side, and the
 * client's next request is read as soon as it lands. The price is one core held for at most the
 * window after each burst of work; an idle gateway blocks again after one window. An empty poll
 * yields the core, so the polling loop never keeps a runnable pipeline thread off a CPU.
 * <p>
 * Netty's own {@link SelectStrategy#BUSY_WAIT} is not used: the epoll busy wait only returns on an
 * fd event and never sees a task queued from another thread (the wake-up eventfd is not written
 * while the loop counts as awake), so replies would wait for the next socket event.
 * <p>
 * Thread: one instance per event loop, called only by that loop's thread.
 */
final class BusyPollSelectStrategy implements SelectStrategy
{
    private final NanoClock clock;
    private final long windowNs;
    private long lastActiveNs;
    private boolean blocked;

    BusyPollSelectStrategy(final NanoClock clock, final long windowNs)
    {
        this.clock = clock;
        this.windowNs = windowNs;
        this.lastActiveNs = clock.nanoTime() - windowNs;
    }

    /**
     * @param clock    time source (one read per empty poll).
     * @param windowUs busy-poll window, microseconds; 0 gives Netty's default strategy.
     * @return a factory making one strategy per event loop.
     */
    static SelectStrategyFactory factory(final NanoClock clock, final int windowUs)
    {
        if (windowUs <= 0)
        {
            return DefaultSelectStrategyFactory.INSTANCE;
        }
        final long windowNs = windowUs * 1_000L;
        return () -> new BusyPollSelectStrategy(clock, windowNs);
    }

    @Override
    public int calculateStrategy(final IntSupplier selectSupplier, final boolean hasTasks) throws Exception
    {
        final long nowNs = clock.nanoTime();
        if (hasTasks || blocked)
        {
            // a task is queued, or the loop just came back from a blocking select: both are activity
            blocked = false;
            lastActiveNs = nowNs;
            return selectSupplier.get();
        }
        if (nowNs - lastActiveNs >= windowNs)
        {
            blocked = true;
            return SelectStrategy.SELECT;
        }
        final int ready = selectSupplier.get();
        if (ready > 0)
        {
            lastActiveNs = nowNs;
        }
        else
        {
            // Give the core to any runnable thread (the pipeline stage, a co-located client): on a
            // 2-core machine a loop that spins without yielding starves the very thread it waits for.
            Thread.yield();
        }
        return ready;
    }
}

package io.medgw.gateway.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request is not complete within read.timeout.ms of its first byte
 * (slow or stalled clients, slow-loris). Sits before the HTTP decoder: the first raw bytes arm the
 * deadline, {@link #requestComplete()} (called by the edge handler at the request's last byte)
 * disarms it. One timer task per connection at a time, re-armed lazily, so a busy connection does
 * not schedule a task per request. Event-loop confined.
 */
final class ReadDeadlineHandler extends ChannelInboundHandlerAdapter implements Runnable
{
    private final EdgeShared shared;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> task;
    private boolean armed;
    private long armedAtNs;

    ReadDeadlineHandler(final EdgeShared shared)
    {
        this.shared = shared;
    }

    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
    }

    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (!armed)
        {
            armed = true;
            armedAtNs = shared.nanoClock.nanoTime();
            if (task == null)
            {
                task = ctx.executor().schedule(this, shared.readTimeoutNs, TimeUnit.NANOSECONDS);
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** The request in progress is complete: stop its deadline. */
    void requestComplete()
    {
        armed = false;
    }

    /** Deadline check, on the event loop. */
    public void run()
    {
        task = null;
        if (!armed || !ctx.channel().isActive())
        {
            return;
        }
        final long remainingNs = armedAtNs + shared.readTimeoutNs - shared.nanoClock.nanoTime();
        if (remainingNs <= 0)
        {
            shared.readTimeoutClosed.increment();
            ctx.close();
        }
        else
        {
            task = ctx.executor().schedule(this, remainingNs, TimeUnit.NANOSECONDS);
        }
    }

    public void channelInactive(final ChannelHandlerContext ctx)
    {
        if (task != null)
        {
            task.cancel(false);
            task = null;
        }
        ctx.fireChannelInactive();
    }
}

package io.medgw.gateway.net;

import io.medgw.codec.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The response side of one connection: a queue of answers in request order, the hand-over of
 * requests to the listener one at a time, and the connection's {@link ReplyChannel}.
 * <p>
 * Every request or refusal takes a queue entry when its head (refusal) or last byte (request)
 * arrives. The head entry is either already answered (refusal: written at once) or a request: it
 * is handed to the listener, and the entries behind it wait until its reply was written. So
 * pipelined requests are answered in order, and at most one request per connection is outstanding
 * in the pipeline. Reading stops while {@value #MAX_QUEUED} entries wait or the socket is not
 * writable.
 * <p>
 * Threading: everything runs on the connection's event loop except {@link #reply}, which any
 * thread may call: it encodes the response into a pooled buffer and hops to the event loop.
 */
final class ConnectionOutbox implements ReplyChannel, Runnable
{
    static final int MAX_QUEUED = 16;
    private static final int IDLE = 0;
    private static final int AWAITING = 1;
    private static final int REPLIED = 2;
    private static final VarHandle STATE;

    static
    {
        try
        {
            STATE = MethodHandles.lookup().findVarHandle(ConnectionOutbox.class, "state", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final EdgeShared shared;
    private final ChannelHandlerContext ctx;
    private final Channel channel;
    private final EventLoop loop;
    private final long connectionId;
    private final InboundRequest request = new InboundRequest();
    private final ArrayDeque<OutboxEntry> queue = new ArrayDeque<>(MAX_QUEUED);
    private final ArrayDeque<OutboxEntry> free = new ArrayDeque<>(MAX_QUEUED);
    private final ChannelFutureListener lingerListener = this::lingerAfterWrite;

    private volatile int state;
    private volatile ByteBuf pendingReply;
    private volatile int pendingConnectionMode;
    private boolean driving;
    private boolean closeQueued;
    private boolean inactive;
    private boolean autoRead = true;

    ConnectionOutbox(final EdgeShared shared, final ChannelHandlerContext ctx)
    {
        this.shared = shared;
        this.ctx = ctx;
        this.channel = ctx.channel();
        this.loop = channel.eventLoop();
        this.connectionId = shared.connectionIds.incrementAndGet();
    }

    /** @return true once a closing answer was queued or the channel went inactive: ignore further input. */
    boolean isClosing()
    {
        return closeQueued || inactive;
    }

    /** @return true when nothing is queued or outstanding. */
    boolean isEmpty()
    {
        return queue.isEmpty();
    }

    /**
     * Queues a complete request for the listener (takes ownership of body).
     */
    void enqueueRequest(
        final ByteBuf body, final String pathInfno, final String paasid, final int connectionMode, final long receivedNs)
    {
        final OutboxEntry e = entry();
        e.body = body;
        e.pathInfno = pathInfno;
        e.paasid = paasid;
        e.connectionMode = connectionMode;
        e.receivedNs = receivedNs;
        closeQueued |= connectionMode == HttpResponses.CLOSE;
        queue.addLast(e);
        drive();
    }

    /**
     * Queues an immediate refusal: an error envelope with the given HTTP status.
     *
     * @param linger true when unread request bytes may follow: half-close and drain before closing.
     */
    void enqueueRefusal(final int status, final ErrorCode code, final byte[] detail, final int connectionMode,
        final boolean linger, final long receivedEpochMs)
    {
        final byte[] scratch = shared.envelopeScratch();
        final int n = shared.envelopes.encode(code, detail, receivedEpochMs, scratch, 0);
        final OutboxEntry e = entry();
        e.response = HttpResponses.encode(channel.alloc(), status, connectionMode, scratch, 0, n);
        e.connectionMode = connectionMode;
        e.linger = linger;
        closeQueued |= connectionMode == HttpResponses.CLOSE;
        queue.addLast(e);
        drive();
    }

    public boolean reply(final byte[] body, final int offset, final int length, final int httpStatus)
    {
        return reply(body, offset, length, httpStatus, false);
    }

    @Override
    public boolean replyZip(final byte[] body, final int offset, final int length)
    {
        return reply(body, offset, length, 200, true);
    }

    private boolean reply(final byte[] body, final int offset, final int length, final int httpStatus, final boolean zip)
    {
        if (!STATE.compareAndSet(this, AWAITING, REPLIED))
        {
            return false;
        }
        final ByteBuf buf = HttpResponses.encode(channel.alloc(), httpStatus, pendingConnectionMode, zip, body, offset, length);
        pendingReply = buf;
        if (loop.inEventLoop())
        {
            run();
        }
        else
        {
            try
            {
                loop.execute(this);
            }
            catch (final RejectedExecutionException ex)
            {
                pendingReply = null;
                buf.release();
                shared.repliesDropped.increment();
                shared.inFlight.decrementAndGet();
            }
        }
        return true;
    }

    /** Delivers the reply made by {@link #reply} (on the event loop). */
    public void run()
    {
        final ByteBuf buf = pendingReply;
        pendingReply = null;
        STATE.setVolatile(this, IDLE);
        final OutboxEntry head = queue.peekFirst();
        if (inactive || head == null)
        {
            buf.release();
            shared.repliesDropped.increment();
            shared.inFlight.decrementAndGet();
            return;
        }
        head.response = buf;
        drive();
    }

    /** Releases everything queued; a reply still outstanding is dropped when it arrives. */
    void onChannelInactive()
    {
        inactive = true;
        for (OutboxEntry e = queue.pollFirst(); e != null; e = queue.pollFirst())
        {
            if (e.dispatched && e.response == null)
            {
                continue; // its reply will arrive and be dropped (and leave the in-flight count then)
            }
            if (e.dispatched)
            {
                shared.inFlight.decrementAndGet();
            }
            e.clear();
        }
    }

    /** Re-evaluates whether the connection may read more (queue depth, socket writability). */
    void updateAutoRead()
    {
        final boolean want = isClosing() || (queue.size() < MAX_QUEUED && channel.isWritable());
        if (want != autoRead)
        {
            autoRead = want;
            channel.config().setAutoRead(want);
        }
    }

    private void drive()
    {
        if (driving || inactive)
        {
            return;
        }
        driving = true;
        boolean wrote = false;
        try
        {
            for (OutboxEntry head = queue.peekFirst(); head != null; head = queue.peekFirst())
            {
                if (head.response == null)
                {
                    if (head.dispatched)
                    {
                        break; // waiting for the listener's reply
                    }
                    dispatch(head);
                    continue;
                }
                queue.pollFirst();
                final ByteBuf response = head.response;
                head.response = null;
                shared.repliesSent.increment();
                if (head.dispatched)
                {
                    shared.inFlight.decrementAndGet();
                }
                if (head.connectionMode == HttpResponses.CLOSE)
                {
                    final ChannelFuture f = ctx.writeAndFlush(response);
                    f.addListener(head.linger ? lingerListener : ChannelFutureListener.CLOSE);
                    head.clear();
                    free.addLast(head);
                    wrote = false;
                    break;
                }
                ctx.write(response);
                wrote = true;
                head.clear();
                free.addLast(head);
            }
            if (wrote)
            {
                ctx.flush();
            }
        }
        finally
        {
            driving = false;
        }
        updateAutoRead();
    }

    private void dispatch(final OutboxEntry e)
    {
        e.dispatched = true;
        shared.inFlight.incrementAndGet();
        final ByteBuf body = e.body;
        e.body = null;
        if (shared.draining)
        {
            body.release();
            shared.shutdownRefusals.increment();
            closeQueued = true;
            e.connectionMode = HttpResponses.CLOSE;
            final byte[] scratch = shared.envelopeScratch();
            final int n = shared.envelopes.encode(ErrorCode.E9004, shared.epochClock.time(), scratch, 0);
            e.response = HttpResponses.encode(channel.alloc(), 503, HttpResponses.CLOSE, scratch, 0, n);
            return;
        }
        final int length = body.readableBytes();
        final byte[] bytes = shared.bodyScratch(length);
        body.getBytes(body.readerIndex(), bytes, 0, length);
        body.release();
        pendingConnectionMode = e.connectionMode;
        STATE.setVolatile(this, AWAITING);
        request.wrap(bytes, length, e.pathInfno, e.paasid, this, e.receivedNs, connectionId);
        try
        {
            shared.listener.onRequest(request);
        }
        catch (final Throwable t)
        {
            shared.listenerErrors.increment();
            final byte[] scratch = shared.envelopeScratch();
            final int n = shared.envelopes.encode(ErrorCode.E9003, shared.epochClock.time(), scratch, 0);
            reply(scratch, 0, n, 500);
        }
    }

    private void lingerAfterWrite(final ChannelFuture f)
    {
        if (!f.isSuccess() || !(channel instanceof SocketChannel))
        {
            channel.close();
            return;
        }
        // Half-close so the client sees the answer and EOF, keep reading (and discarding) what it still sends,
        // and close when it closes or after the linger time: closing with unread bytes would reset the connection
        // and could destroy the answer before the client reads it.
        ((SocketChannel)channel).shutdownOutput();
        channel.eventLoop().schedule(() -> channel.close(), shared.lingerMs, TimeUnit.MILLISECONDS);
    }

    private OutboxEntry entry()
    {
        final OutboxEntry e = free.pollFirst();
        return e != null ? e : new OutboxEntry();
    }

    /** One queued answer; pooled per connection. */
    static final class OutboxEntry
    {
        ByteBuf body;
        ByteBuf response;
        String pathInfno;
        String paasid;
        long receivedNs;
        int connectionMode;
        boolean linger;
        boolean dispatched;

        void clear()
        {
            if (body != null)
            {
                body.release();
                body = null;
            }
            if (response != null)
            {
                response.release();
                response = null;
            }
            pathInfno = null;
            paasid = null;
            linger = false;
            dispatched = false;
        }
    }
}

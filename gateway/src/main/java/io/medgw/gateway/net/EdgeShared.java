package io.medgw.gateway.net;

import io.medgw.gateway.config.GatewayContext;
import io.medgw.gateway.status.GatewayCounter;
import io.medgw.gateway.status.GatewayCounters;
import io.netty.channel.group.ChannelGroup;
import io.netty.util.concurrent.FastThreadLocal;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every connection of one {@link GatewayServer} shares: settings copied from the context,
 * the listener, the counters (bound once), connection and in-flight counts, and per-event-loop
 * scratch buffers. Fields are final or atomic; safe from any thread.
 */
final class EdgeShared
{
    final InboundRequestListener listener;
    final TifAuthenticator authenticator;
    final ErrorEnvelope envelopes;
    final EpochClock epochClock;
    final NanoClock nanoClock;
    final int maxBodyBytes;
    final int maxConnections;
    final long readTimeoutNs;
    final long lingerMs;
    final ChannelGroup channels;

    final AtomicInteger openConnections = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicLong connectionIds = new AtomicLong();
    volatile boolean draining;

    final LongAdder requestsReceived;
    final LongAdder repliesSent;
    final LongAdder badRequests;
    final LongAdder bodyTooLarge;
    final LongAdder unknownPaths;
    final LongAdder authRefusals;
    final LongAdder shutdownRefusals;
    final LongAdder connectionsOpened;
    final LongAdder connectionsClosed;
    final LongAdder connectionsRefused;
    final LongAdder idleClosed;
    final LongAdder readTimeoutClosed;
    final LongAdder connectionResets;
    final LongAdder repliesDropped;
    final LongAdder listenerErrors;
    final LongAdder netErrors;

    private final FastThreadLocal<byte[]> bodyScratch = new FastThreadLocal<>()
    {
        protected byte[] initialValue()
        {
            return new byte[Math.min(64 * 1024, maxBodyBytes)];
        }
    };
    private final FastThreadLocal<byte[]> envelopeScratch = new FastThreadLocal<>()
    {
        protected byte[] initialValue()
        {
            return new byte[ErrorEnvelope.MAX_LENGTH];
        }
    };

    EdgeShared(final GatewayContext ctx, final InboundRequestListener listener, final ChannelGroup channels)
    {
        this.listener = listener;
        this.channels = channels;
        this.authenticator = new TifAuthenticator(ctx.tifTokens(), ctx.authTimestampWindowSeconds(), ctx.epochClock());
        this.envelopes = new ErrorEnvelope(ctx);
        this.epochClock = ctx.epochClock();
        this.nanoClock = ctx.nanoClock();
        this.maxBodyBytes = ctx.maxBodyBytes();
        this.maxConnections = ctx.maxConnections();
        this.readTimeoutNs = TimeUnit.MILLISECONDS.toNanos(ctx.readTimeoutMs());
        this.lingerMs = Math.min(2_000, ctx.readTimeoutMs());
        final GatewayCounters c = ctx.metrics().counters();
        requestsReceived = c.adder(GatewayCounter.REQUESTS_RECEIVED);
        repliesSent = c.adder(GatewayCounter.REPLIES_SENT);
        badRequests = c.adder(GatewayCounter.BAD_REQUESTS);
        bodyTooLarge = c.adder(GatewayCounter.BODY_TOO_LARGE);
        unknownPaths = c.adder(GatewayCounter.UNKNOWN_PATHS);
        authRefusals = c.adder(GatewayCounter.AUTH_REFUSALS);
        shutdownRefusals = c.adder(GatewayCounter.SHUTDOWN_REFUSALS);
        connectionsOpened = c.adder(GatewayCounter.CONNECTIONS_OPENED);
        connectionsClosed = c.adder(GatewayCounter.CONNECTIONS_CLOSED);
        connectionsRefused = c.adder(GatewayCounter.CONNECTIONS_REFUSED);
        idleClosed = c.adder(GatewayCounter.IDLE_CLOSED);
        readTimeoutClosed = c.adder(GatewayCounter.READ_TIMEOUT_CLOSED);
        connectionResets = c.adder(GatewayCounter.CONNECTION_RESETS);
        repliesDropped = c.adder(GatewayCounter.REPLIES_DROPPED);
        listenerErrors = c.adder(GatewayCounter.LISTENER_ERRORS);
        netErrors = c.adder(GatewayCounter.NET_ERRORS);
    }

    /**
     * @param length bytes needed.
     * @return this thread's body scratch, grown to at least length (it never shrinks).
     */
    byte[] bodyScratch(final int length)
    {
        byte[] b = bodyScratch.get();
        if (b.length < length)
        {
            b = new byte[Math.min(maxBodyBytes, Math.max(length, b.length * 2))];
            bodyScratch.set(b);
        }
        return b;
    }

    /** @return this thread's scratch for one error envelope. */
    byte[] envelopeScratch()
    {
        return envelopeScratch.get();
    }
}

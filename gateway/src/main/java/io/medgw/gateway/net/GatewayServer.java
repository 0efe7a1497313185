package io.medgw.gateway.net;

import io.medgw.gateway.config.GatewayContext;
import io.medgw.gateway.config.NetTransport;
import io.medgw.gateway.status.GatewayGauge;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SelectStrategyFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.channels.spi.SelectorProvider;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The settlement HTTP/1.1 server (the channel, in jPOS terms): accepts HIS connections, routes and
 * checks each request, hands complete requests to an {@link InboundRequestListener}, and writes the
 * replies in order. Native epoll transport (net.transport; NIO when epoll is unavailable or chosen),
 * one accept thread ("medgw-net-accept") and io.threads event loops ("medgw-net-io-*"), which
 * busy-poll for io.busy.poll.us after each burst of work ({@link BusyPollSelectStrategy}).
 * <p>
 * Lifecycle: construct with a concluded context, {@link #start()} (binds; prints nothing), print
 * {@link #listeningLine()} when the gateway is ready, and on shutdown {@link #stopAccepting()},
 * drain the pipeline, then {@link #close()} (which also waits, bounded, for in-flight replies).
 * Lifecycle methods are called from one controlling thread.
 */
public final class GatewayServer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    private final GatewayContext ctx;
    private final boolean epoll;
    private final EdgeShared shared;
    private final EventLoopGroup acceptGroup;
    private final EventLoopGroup ioGroup;
    private Channel serverChannel;
    private int boundPort = -1;
    private volatile boolean listening;
    private boolean closed;

    /**
     * @param ctx concluded context (host, port, limits, timeouts, auth, clocks, metrics).
     * @param listener receives every complete request on its event loop.
     */
    public GatewayServer(final GatewayContext ctx, final InboundRequestListener listener)
    {
        if (!ctx.isConcluded())
        {
            throw new IllegalStateException("context not concluded");
        }
        this.ctx = ctx;
        this.shared = new EdgeShared(ctx, Objects.requireNonNull(listener, "listener"),
            new DefaultChannelGroup("medgw-net", GlobalEventExecutor.INSTANCE));
        this.epoll = useEpoll(ctx.netTransport());
        this.acceptGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("medgw-net-accept"),
            ioHandlers(epoll, BusyPollSelectStrategy.factory(ctx.nanoClock(), 0)));
        this.ioGroup = new MultiThreadIoEventLoopGroup(ctx.ioThreads(), new DefaultThreadFactory("medgw-net-io"),
            ioHandlers(epoll, BusyPollSelectStrategy.factory(ctx.nanoClock(), ctx.ioBusyPollUs())));
        ctx.metrics().gauge(GatewayGauge.CONNECTIONS_OPEN, this::openConnections);
        ctx.metrics().gauge(GatewayGauge.REQUESTS_IN_FLIGHT, this::requestsInFlight);
    }

    /**
     * Binds host:port and starts accepting.
     *
     * @return this
     * @throws IllegalStateException when the address cannot be bound (the event loops are shut down).
     */
    public GatewayServer start()
    {
        final ServerBootstrap b = new ServerBootstrap()
            .group(acceptGroup, ioGroup)
            .channel(serverChannelClass())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childHandler(new EdgeChannelInitializer(shared, ctx.idleTimeoutMs()));
        try
        {
            serverChannel = b.bind(ctx.host(), ctx.port()).syncUninterruptibly().channel();
        }
        catch (final RuntimeException ex)
        {
            shutdownGroups();
            throw new IllegalStateException("cannot listen on " + ctx.host() + ":" + ctx.port() + ": " + ex, ex);
        }
        boundPort = ((InetSocketAddress)serverChannel.localAddress()).getPort();
        LOG.info("settlement port {}: {} transport, {} event loop(s), busy poll {} us", boundPort, transport(),
            ctx.ioThreads(), ctx.ioBusyPollUs());
        listening = true;
        return this;
    }

    /** @return the transport in use: "epoll" or "nio" (after an epoll fallback: "nio"). */
    public String transport()
    {
        return epoll ? NetTransport.EPOLL.configName() : NetTransport.NIO.configName();
    }

    /** @return the bound port (the real one when port = 0), or -1 before start. */
    public int port()
    {
        return boundPort;
    }

    /** @return the configured host. */
    public String host()
    {
        return ctx.host();
    }

    /** @return true between a successful start and stopAccepting/close. */
    public boolean isListening()
    {
        return listening;
    }

    /** @return the one line the serve command prints when the gateway is ready: {@code listening on HOST:PORT}. */
    public String listeningLine()
    {
        return "listening on " + ctx.host() + ":" + boundPort;
    }

    /** @return client connections open now. */
    public int openConnections()
    {
        return shared.openConnections.get();
    }

    /** @return requests handed to the listener whose reply was not yet written (or dropped). */
    public int requestsInFlight()
    {
        return shared.inFlight.get();
    }

    /**
     * Stops accepting connections; requests already in the listener still get their replies, and any
     * request handed over from now on is answered E9004 (HTTP 503) and its connection closed.
     */
    public void stopAccepting()
    {
        shared.draining = true;
        listening = false;
        if (serverChannel != null)
        {
            serverChannel.close().awaitUninterruptibly(ctx.shutdownTimeoutMs());
        }
    }

    /**
     * @param timeoutMs bound on the wait.
     * @return true when no request is in flight (every reply written or dropped).
     */
    public boolean awaitInFlight(final long timeoutMs)
    {
        final long deadlineNs = ctx.nanoClock().nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (shared.inFlight.get() > 0)
        {
            if (ctx.nanoClock().nanoTime() - deadlineNs >= 0)
            {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return true;
    }

    /**
     * Graceful shutdown: stop accepting, wait (bounded by shutdown.timeout.ms) for in-flight replies,
     * close every connection, shut the event loops down with a bounded wait. Idempotent.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        stopAccepting();
        awaitInFlight(ctx.shutdownTimeoutMs());
        shared.channels.close().awaitUninterruptibly(ctx.shutdownTimeoutMs());
        shutdownGroups();
    }

    private static boolean useEpoll(final NetTransport transport)
    {
        if (transport != NetTransport.EPOLL)
        {
            return false;
        }
        if (!Epoll.isAvailable())
        {
            LOG.warn("net.transport = epoll: native epoll unavailable ({}), using nio", String.valueOf(Epoll.unavailabilityCause()));
            return false;
        }
        return true;
    }

    private static IoHandlerFactory ioHandlers(final boolean epoll, final SelectStrategyFactory selectStrategies)
    {
        return epoll ? EpollIoHandler.newFactory(0, selectStrategies) :
            NioIoHandler.newFactory(SelectorProvider.provider(), selectStrategies);
    }

    private Class<? extends ServerChannel> serverChannelClass()
    {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    private void shutdownGroups()
    {
        final long timeoutMs = ctx.shutdownTimeoutMs();
        acceptGroup.shutdownGracefully(0, timeoutMs, TimeUnit.MILLISECONDS);
        ioGroup.shutdownGracefully(0, timeoutMs, TimeUnit.MILLISECONDS);
        acceptGroup.terminationFuture().awaitUninterruptibly(timeoutMs);
        ioGroup.terminationFuture().awaitUninterruptibly(timeoutMs);
    }
}

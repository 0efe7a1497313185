package io.medgw.gateway.net;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.timeout.IdleStateHandler;

import java.util.concurrent.TimeUnit;

/**
 * Builds each accepted connection's pipeline, or closes the connection at once when
 * max.connections are already open:
 * <pre>
 *   socket → IdleStateHandler (all-idle, idle.timeout.ms)
 *          → ReadDeadlineHandler (read.timeout.ms from a request's first byte)
 *          → HttpRequestDecoder (line 4 KiB, headers 8 KiB)
 *          → HttpEdgeHandler → ConnectionOutbox → InboundRequestListener
 *   responses: ConnectionOutbox writes pre-encoded HTTP bytes straight to the socket.
 * </pre>
 * Shared by all connections of one server (stateless apart from {@link EdgeShared}).
 */
@ChannelHandler.Sharable
final class EdgeChannelInitializer extends ChannelInitializer<SocketChannel>
{
    static final int MAX_INITIAL_LINE_BYTES = 4096;
    static final int MAX_HEADER_BYTES = 8192;
    static final int MAX_CHUNK_BYTES = 64 * 1024;

    private final EdgeShared shared;
    private final long idleTimeoutMs;
    private final ChannelFutureListener onClose;

    EdgeChannelInitializer(final EdgeShared shared, final long idleTimeoutMs)
    {
        this.shared = shared;
        this.idleTimeoutMs = idleTimeoutMs;
        this.onClose = f ->
        {
            shared.openConnections.decrementAndGet();
            shared.connectionsClosed.increment();
        };
    }

    protected void initChannel(final SocketChannel ch)
    {
        if (shared.openConnections.incrementAndGet() > shared.maxConnections || shared.draining)
        {
            shared.openConnections.decrementAndGet();
            shared.connectionsRefused.increment();
            ch.close();
            return;
        }
        shared.connectionsOpened.increment();
        ch.closeFuture().addListener(onClose);
        shared.channels.add(ch);
        final ReadDeadlineHandler deadline = new ReadDeadlineHandler(shared);
        final ChannelPipeline p = ch.pipeline();
        p.addLast("idle", new IdleStateHandler(0, 0, idleTimeoutMs, TimeUnit.MILLISECONDS));
        p.addLast("deadline", deadline);
        p.addLast("decoder", new HttpRequestDecoder(new HttpDecoderConfig()
            .setMaxInitialLineLength(MAX_INITIAL_LINE_BYTES)
            .setMaxHeaderSize(MAX_HEADER_BYTES)
            .setMaxChunkSize(MAX_CHUNK_BYTES)));
        p.addLast("edge", new HttpEdgeHandler(shared, deadline));
    }
}

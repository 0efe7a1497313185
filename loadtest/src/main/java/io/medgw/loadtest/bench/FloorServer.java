package io.medgw.loadtest.bench;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.medgw.gateway.pipeline.ParkingWaitStrategy;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.agrona.concurrent.SystemNanoClock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The server side of {@link io.medgw.loadtest.LoopbackFloor}: the gateway's edge (native epoll, one
 * accept loop, min(4, cores) event loops, the same socket options and the same
 * {@link HttpRequestDecoder} limits, the body assembled into one pooled buffer and copied out, a
 * pre-encoded response written straight to the socket) with nothing behind it but a fixed reply, a
 * real 2207 reply of the gateway for the first 10-line bench body (5,694 bytes).
 * <pre>
 *   echo-loop:      client ─TCP─▶ event loop: decode HTTP, copy body, write reply ─TCP─▶ client
 *
 *   ring-hop(-busy): client ─TCP─▶ event loop: decode HTTP, copy body into a ring slot, publish
 *                                        │ (unpark the stage only if it parked)
 *                                        ▼
 *                    stage thread (parking: spin, yield 200 µs, park | busy-spin): encode the reply
 *                                        │ eventLoop().execute (eventfd wake-up of the loop)
 *                                        ▼
 *                    event loop: writeAndFlush ─TCP─▶ client
 * </pre>
 * Lifecycle: {@link #start}, then {@link #close}. Not a gateway: no routing, no checks, every
 * complete request gets the same 200 answer.
 */
public final class FloorServer implements AutoCloseable
{
    /** The gateway's ring.size default. */
    private static final int RING_SIZE = 4096;
    /** The gateway's pipeline.busy.poll.us default: the parking stage's yield window. */
    private static final long YIELD_WINDOW_NS = 200_000L;

    /** What the server does between reading a request and writing the reply. */
    public enum Mode
    {
        /** Answer on the event loop. */
        ECHO_LOOP,
        /** Through a Disruptor ring and a stage thread with the gateway's default parking wait. */
        RING_HOP,
        /** As {@link #RING_HOP}, the stage thread busy-spinning (never parks, never yields). */
        RING_HOP_BUSY;

        /** @return the command-line name, e.g. {@code ring-hop}. */
        public String cliName()
        {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * @param name a command-line name.
         * @return the mode.
         * @throws IllegalArgumentException for an unknown name.
         */
        public static Mode of(final String name)
        {
            for (final Mode m : values())
            {
                if (m.cliName().equals(name))
                {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown mode " + name + " (echo-loop, ring-hop, ring-hop-busy)");
        }
    }

    private final boolean epoll = Epoll.isAvailable();
    private final byte[] response;
    private final EventLoopGroup acceptGroup;
    private final EventLoopGroup ioGroup;
    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;
    private final Channel serverChannel;

    private FloorServer(final Mode mode, final int port)
    {
        response = response(reply());
        final IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        acceptGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("floor-net-accept"), io);
        ioGroup = new MultiThreadIoEventLoopGroup(Math.min(4, Runtime.getRuntime().availableProcessors()),
            new DefaultThreadFactory("floor-net-io"), io);
        if (mode == Mode.ECHO_LOOP)
        {
            disruptor = null;
            ring = null;
        }
        else
        {
            final WaitStrategy wait = mode == Mode.RING_HOP ? new ParkingWaitStrategy(SystemNanoClock.INSTANCE, YIELD_WINDOW_NS, null) : new BusySpinWaitStrategy();
            disruptor = new Disruptor<>(Slot::new, RING_SIZE, r ->
            {
                final Thread t = new Thread(r, "floor-stage");
                t.setDaemon(true);
                return t;
            }, ProducerType.MULTI, wait);
            final EventHandler<Slot> stage = this::onSlot;
            disruptor.handleEventsWith(stage);
            ring = disruptor.start();
        }
        final Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        serverChannel = new ServerBootstrap()
            .group(acceptGroup, ioGroup)
            .channel(channel)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    // the gateway's limits: line 4 KiB, headers 8 KiB, chunks 64 KiB
                    ch.pipeline().addLast(new HttpRequestDecoder(new HttpDecoderConfig()
                        .setMaxInitialLineLength(4096).setMaxHeaderSize(8192).setMaxChunkSize(64 * 1024)));
                    ch.pipeline().addLast(new Edge());
                }
            })
            .bind("127.0.0.1", port).syncUninterruptibly().channel();
    }

    /**
     * Binds 127.0.0.1:port and starts the event loops (and the stage thread in the ring modes).
     *
     * @param mode what to do between request and reply.
     * @param port port, 0 for any free one.
     * @return the running server.
     */
    public static FloorServer start(final Mode mode, final int port)
    {
        return new FloorServer(mode, port);
    }

    /** @return the bound port. */
    public int port()
    {
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    /** @return "epoll", or "nio" where native epoll is unavailable (as the gateway falls back). */
    public String transport()
    {
        return epoll ? "epoll" : "nio";
    }

    /** @return the reply body every request gets (a copy). */
    public static byte[] reply()
    {
        try (InputStream in = FloorServer.class.getResourceAsStream("reply-2207x10.json"))
        {
            return in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close()
    {
        serverChannel.close().syncUninterruptibly();
        if (disruptor != null)
        {
            disruptor.halt();
        }
        acceptGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Stage thread: encodes the reply into a pooled buffer (as ConnectionOutbox.reply does) and hops to the loop. */
    private void onSlot(final Slot slot, final long sequence, final boolean endOfBatch)
    {
        final ChannelHandlerContext ctx = slot.ctx;
        slot.ctx = null;
        final ByteBuf buf = ctx.alloc().buffer(response.length).writeBytes(response);
        // the gateway reuses one Runnable per connection; a lambda per reply costs ~20 ns, nothing next to the hop
        ctx.channel().eventLoop().execute(() -> ctx.writeAndFlush(buf));
    }

    /** The request side of one connection (event-loop confined), like the gateway's HttpEdgeHandler minus its checks. */
    private final class Edge extends ChannelInboundHandlerAdapter
    {
        private ByteBuf body;
        private byte[] scratch = new byte[8 * 1024];

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            try
            {
                if (msg instanceof HttpRequest)
                {
                    final long declared = HttpUtil.getContentLength((HttpRequest)msg, -1L);
                    body = ctx.alloc().buffer(declared >= 0 ? (int)declared : 1024);
                }
                if (msg instanceof HttpContent && body != null)
                {
                    body.writeBytes(((HttpContent)msg).content());
                    if (msg instanceof LastHttpContent)
                    {
                        onRequest(ctx);
                    }
                }
            }
            finally
            {
                ReferenceCountUtil.release(msg);
            }
        }

        private void onRequest(final ChannelHandlerContext ctx)
        {
            if (ring == null)
            {
                // the gateway copies the body out of Netty's buffer before decoding it: so do we
                scratch = copy(body, scratch);
                body.release();
                body = null;
                ctx.writeAndFlush(ctx.alloc().buffer(response.length).writeBytes(response));
                return;
            }
            final ByteBuf b = body;
            body = null;
            final boolean published = ring.tryPublishEvent((slot, seq, c) ->
            {
                slot.body = copy(b, slot.body);
                slot.ctx = c;
            }, ctx);
            b.release();
            if (!published)
            {
                ctx.close(); // a full ring needs 4,096 requests in flight: not with a closed-loop client
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            if (body != null)
            {
                body.release();
                body = null;
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }
    }

    private static byte[] copy(final ByteBuf from, final byte[] into)
    {
        final int length = from.readableBytes();
        final byte[] dst = into.length >= length ? into : new byte[length];
        from.getBytes(from.readerIndex(), dst, 0, length);
        return dst;
    }

    /** The HTTP/1.1 keep-alive response the gateway writes for a 200 JSON answer, header and body. */
    private static byte[] response(final byte[] replyBody)
    {
        final byte[] head = ("HTTP/1.1 200 OK\r\ncontent-type: application/json;charset=utf-8\r\ncontent-length: " +
            replyBody.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        final byte[] all = new byte[head.length + replyBody.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(replyBody, 0, all, head.length, replyBody.length);
        return all;
    }

    /** One ring slot: the request's bytes (as the gateway decodes into its slot) and where to answer. */
    private static final class Slot
    {
        private byte[] body = new byte[8 * 1024];
        private ChannelHandlerContext ctx;
    }
}

package io.medgw.gateway.net;

import io.medgw.gateway.config.GatewayContext;
import io.medgw.gateway.status.GatewayCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.medgw.gateway.net.NetTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
final class GatewayServerLimitsTest
{
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void warmUpJvm() throws Exception
    {
        NetTestSupport.warmUpJvm();
    }

    @AfterEach
    void tearDown() throws Exception
    {
        for (int i = closeables.size() - 1; i >= 0; i--)
        {
            closeables.get(i).close();
        }
    }

    private GatewayServer start(final GatewayContext ctx, final InboundRequestListener listener)
    {
        final GatewayServer server = new GatewayServer(ctx.conclude(), listener).start();
        closeables.add(server);
        return server;
    }

    /** Loads the classes of the request path once, so a timing assertion measures the server, not the JIT. */
    private static void warmUp(final GatewayServer server) throws Exception
    {
        assertThat(NetTestSupport.post(server.port(), "/2207", "application/json", "{}").status()).isEqualTo(200);
    }

    @Test
    void shouldAcceptABodyOfExactlyMaxBodyBytes() throws Exception
    {
        final GatewayServer server = start(context().maxBodyBytes(1024), new EchoListener());
        final String body = "x".repeat(1024);

        assertThat(NetTestSupport.post(server.port(), "/2207", "text/plain", body).body()).isEqualTo("2207|-|" + body);
    }

    @Test
    void shouldAnswerE5006AtOnceWhenTheDeclaredLengthIsTooLargeThenCloseCleanly() throws Exception
    {
        final GatewayContext ctx = context().maxBodyBytes(1024);
        final GatewayServer server = start(ctx, new EchoListener());
        try (RawHttp c = new RawHttp(server.port()))
        {
            // Only the head: the answer must not wait for the body.
            c.send("POST /callService HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n");
            final RawHttp.Response r = c.read();

            assertThat(r.status()).isEqualTo(413);
            assertThat(r.headers()).containsEntry("connection", "close");
            assertThat(r.body()).contains("\"infcode\":-2").contains("\"err_msg\":\"E5006: request body too large: the body is over max.body.bytes\"");
            c.send("x".repeat(8192)); // the client may still be sending: drained, not reset
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(ctx.metrics().counters().get(GatewayCounter.BODY_TOO_LARGE)).isEqualTo(1);
    }

    @Test
    void shouldAnswerE5006WhenAChunkedBodyGrowsTooLarge() throws Exception
    {
        final GatewayServer server = start(context().maxBodyBytes(1024), new EchoListener());
        try (RawHttp c = new RawHttp(server.port()))
        {
            final String chunk = "x".repeat(600);
            c.send("POST /callService HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
                "258\r\n" + chunk + "\r\n258\r\n" + chunk + "\r\n");
            final RawHttp.Response r = c.read();

            assertThat(r.status()).isEqualTo(413);
            assertThat(r.body()).contains("E5006");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void shouldAnswerE5006AfterEarlierPipelinedRequestsInOrder() throws Exception
    {
        final GatewayServer server = start(context().maxBodyBytes(1024), new EchoListener());
        try (RawHttp c = new RawHttp(server.port()))
        {
            c.send(RawHttp.post("/2206", "application/json", "{}") +
                "POST /2207 HTTP/1.1\r\nContent-Length: 2048\r\n\r\n");

            assertThat(c.read().body()).isEqualTo("2206|-|{}");
            assertThat(c.read().body()).contains("E5006");
        }
    }

    @Test
    void shouldCloseIdleConnections() throws Exception
    {
        final GatewayContext ctx = context().idleTimeoutMs(150);
        final GatewayServer server = start(ctx, new EchoListener());
        warmUp(server);
        try (RawHttp c = new RawHttp(server.port()))
        {
            final long start = System.nanoTime();
            assertThat(c.send(RawHttp.post("/2207", "application/json", "{}")).read().status()).isEqualTo(200);

            assertThat(c.closedByServer()).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(150L, 1_500L);
        }
        assertThat(ctx.metrics().counters().get(GatewayCounter.IDLE_CLOSED)).isPositive();
    }

    @Test
    void shouldNotCloseAnIdleConnectionWhileItsRequestIsInFlight() throws Exception
    {
        final List<ReplyChannel> held = new CopyOnWriteArrayList<>();
        final GatewayServer server = start(context().idleTimeoutMs(100), request -> held.add(request.replyChannel()));
        try (RawHttp c = new RawHttp(server.port()))
        {
            c.send(RawHttp.post("/2207", "application/json", "{}"));
            Thread.sleep(400);
            final byte[] late = "{\"late\":true}".getBytes(StandardCharsets.UTF_8);
            held.get(0).reply(late, 0, late.length, 200);

            assertThat(c.read().body()).isEqualTo("{\"late\":true}");
        }
    }

    @Test
    void shouldCloseSlowClientsAfterTheReadTimeout() throws Exception
    {
        final GatewayContext ctx = context().readTimeoutMs(300).idleTimeoutMs(10_000);
        final GatewayServer server = start(ctx, new EchoListener());
        warmUp(server);
        try (RawHttp c = new RawHttp(server.port()))
        {
            final long start = System.nanoTime();
            final String head = "POST /callService HTTP/1.1\r\nContent-Length: 10\r\n\r\n";
            boolean closed = false;
            for (int i = 0; i < head.length() && !closed; i++)
            {
                try
                {
                    c.send(head.substring(i, i + 1)); // one byte every 40 ms: never idle, never complete
                }
                catch (final IOException ex)
                {
                    closed = true;
                }
                Thread.sleep(40);
                closed |= TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) > 600 && c.closedByServer();
            }

            assertThat(closed || c.closedByServer()).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_500L);
        }
        assertThat(ctx.metrics().counters().get(GatewayCounter.READ_TIMEOUT_CLOSED)).isEqualTo(1);
    }

    @Test
    void shouldCloseConnectionsOverMaxConnections() throws Exception
    {
        final GatewayContext ctx = context().maxConnections(1);
        final GatewayServer server = start(ctx, new EchoListener());
        try (RawHttp first = new RawHttp(server.port()))
        {
            assertThat(first.send(RawHttp.post("/2207", "application/json", "{}")).read().status()).isEqualTo(200);
            try (RawHttp second = new RawHttp(server.port()))
            {
                assertThat(second.closedByServer()).isTrue();
            }
            assertThat(first.send(RawHttp.post("/2207", "application/json", "{}")).read().status()).isEqualTo(200);
        }
        assertThat(ctx.metrics().counters().get(GatewayCounter.CONNECTIONS_REFUSED)).isEqualTo(1);
    }

    @Test
    void shouldFinishInFlightRepliesAndRefuseNewRequestsWhenStopping() throws Exception
    {
        final List<ReplyChannel> held = new CopyOnWriteArrayList<>();
        final GatewayContext ctx = context();
        final GatewayServer server = start(ctx, request -> held.add(request.replyChannel()));
        try (RawHttp c = new RawHttp(server.port()); RawHttp idle = new RawHttp(server.port()))
        {
            c.send(RawHttp.post("/2207", "application/json", "{}"));
            while (server.requestsInFlight() == 0 || server.openConnections() < 2) // both accepted before the stop
            {
                Thread.sleep(1);
            }
            server.stopAccepting();
            assertThat(server.awaitInFlight(50)).isFalse();
            final byte[] answer = "{\"infcode\":0}".getBytes(StandardCharsets.UTF_8);
            held.get(0).reply(answer, 0, answer.length, 200);

            assertThat(c.read().body()).isEqualTo("{\"infcode\":0}");
            assertThat(server.awaitInFlight(1_000)).isTrue();
            final RawHttp.Response refused = idle.send(RawHttp.post("/2207", "application/json", "{}")).read();
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body()).contains("\"infcode\":-1").contains("E9004: gateway shutting down");
            assertThat(idle.closedByServer()).isTrue();
        }
        assertThat(held).hasSize(1);
        assertThat(ctx.metrics().counters().get(GatewayCounter.SHUTDOWN_REFUSALS)).isEqualTo(1);
    }

    @Test
    void shouldDropAReplyForAConnectionThatClosedAndCountIt() throws Exception
    {
        final List<ReplyChannel> held = new CopyOnWriteArrayList<>();
        final GatewayContext ctx = context();
        final GatewayServer server = start(ctx, request -> held.add(request.replyChannel()));
        try (RawHttp c = new RawHttp(server.port()))
        {
            c.send(RawHttp.post("/2207", "application/json", "{}"));
            while (held.isEmpty())
            {
                Thread.sleep(1);
            }
        }
        while (server.openConnections() > 0)
        {
            Thread.sleep(1);
        }
        final byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(held.get(0).reply(answer, 0, answer.length, 200)).isTrue();
        assertThat(server.awaitInFlight(1_000)).isTrue();
        // the drop is counted on the connection's event loop, possibly just after in-flight reaches 0
        final long deadline = System.nanoTime() + 2_000_000_000L;
        while (ctx.metrics().counters().get(GatewayCounter.REPLIES_DROPPED) == 0 && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }
        assertThat(ctx.metrics().counters().get(GatewayCounter.REPLIES_DROPPED)).isEqualTo(1);
    }

    @Test
    void shouldAnswer400AndCloseOnAMalformedRequest() throws Exception
    {
        final GatewayContext ctx = context();
        final GatewayServer server = start(ctx, new EchoListener());
        try (RawHttp c = new RawHttp(server.port()))
        {
            final RawHttp.Response r = c.send("POST /callService HTTP/1.1\r\nContent-Length: abc\r\n\r\n{}").read();

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("E5001");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(ctx.metrics().counters().get(GatewayCounter.BAD_REQUESTS)).isEqualTo(1);
    }
}

package io.medgw.gateway.net;

import io.medgw.codec.ErrorCode;
import io.medgw.gateway.config.GatewayContext;
import io.medgw.gateway.config.NetTransport;
import io.medgw.gateway.status.GatewayCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static io.medgw.gateway.net.NetTestSupport.context;
import static io.medgw.gateway.net.NetTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
final class GatewayServerTest
{
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final ExecutorService replyThreads = Executors.newFixedThreadPool(4);

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
        replyThreads.shutdownNow();
    }

    private GatewayServer start(final GatewayContext ctx, final InboundRequestListener listener)
    {
        final GatewayServer server = new GatewayServer(ctx.conclude(), listener).start();
        closeables.add(server);
        return server;
    }

    @ParameterizedTest
    @CsvSource({
        "/fsi/api/rsfComIfsService/callService, -",
        "/fsi/api/rsfComIfsService/callService?x=1, -",
        "/mbs/fmi/fsi/api/callFsiService/callService, -",
        "/ebus/rio_fsi/fsi/api/rsfComIfsService/callService/, -",
        "/fsi/api/rsfComIfsService/callService/2207, 2207",
        "/2207, 2207",
        "/fsi/api/rsfComIfsService/callService/2207A, 2207A",
        "/fsi/api/outpatientSettleService/saveSettletmentV2, 2207",
        "/fsi/api/outpatientSettleService/saveSettletment, 2207A",
        "/ebus/mbs_fsi_auth/fsi/api/hospSettService/settCl, 2305",
        "/fsi/api/reverseService/revsMethod, 2601",
    })
    void shouldRouteEachPathStyleAndPassInfnoFromPath(final String path, final String expectedInfno) throws Exception
    {
        final GatewayServer server = start(context(), new EchoListener());

        final RawHttp.Response r = post(server.port(), path, "application/json;charset=utf-8", "{\"infno\":\"2207\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(expectedInfno + "|-|{\"infno\":\"2207\"}");
        assertThat(r.headers()).containsEntry("content-type", "application/json;charset=utf-8");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/json", "application/json;charset=utf-8", "APPLICATION/JSON; charset=UTF-8", "text/plain",
        "text/plain;charset=GBK"})
    void shouldAcceptJsonAndTextPlainWithAnyCharset(final String contentType) throws Exception
    {
        final GatewayServer server = start(context(), new EchoListener());

        final RawHttp.Response r = post(server.port(), "/fsi/api/rsfComIfsService/callService", contentType, "{}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("-|-|{}");
    }

    @Test
    void shouldRefuseOtherContentTypesWithE5001AndKeepTheConnection() throws Exception
    {
        final GatewayServer server = start(context(), new EchoListener());
        try (RawHttp c = new RawHttp(server.port()))
        {
            final RawHttp.Response refused = c.send(RawHttp.post("/callService", "application/xml", "<x/>")).read();
            final RawHttp.Response ok = c.send(RawHttp.post("/callService", "application/json", "{}")).read();

            assertThat(refused.status()).isEqualTo(415);
            assertThat(refused.body()).contains("\"infcode\":-2").contains("\"err_msg\":\"E5001: malformed request: Content-Type must be application/json or text/plain (a UTF-8 JSON body)\"");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("-|-|{}");
        }
    }

    @Test
    void shouldAnswer404EnvelopeForUnknownPathAndGetAndKeepTheConnection() throws Exception
    {
        final GatewayContext ctx = context();
        final GatewayServer server = start(ctx, new EchoListener());
        try (RawHttp c = new RawHttp(server.port()))
        {
            final RawHttp.Response unknown = c.send(RawHttp.post("/fsi/api/nothing/here", "application/json", "{}")).read();
            final RawHttp.Response get = c.send("GET /fsi/api/rsfComIfsService/callService HTTP/1.1\r\nHost: x\r\n\r\n").read();
            final RawHttp.Response ok = c.send(RawHttp.post("/2206", "application/json", "{}")).read();

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.body()).startsWith("{\"infcode\":-2,\"inf_refmsgid\":\"440300")
                .contains("\"err_msg\":\"E5004: unknown transaction: POST to /fsi/api/rsfComIfsService/callService or a per-service path of docs/protocol.md\"").endsWith("\"output\":null}");
            assertThat(get.status()).isEqualTo(404);
            assertThat(get.body()).contains("E5004");
            assertThat(ok.body()).isEqualTo("2206|-|{}");
        }
        assertThat(ctx.metrics().counters().get(GatewayCounter.UNKNOWN_PATHS)).isEqualTo(2);
        assertThat(ctx.metrics().counters().get(GatewayCounter.REQUESTS_RECEIVED)).isEqualTo(3);
    }

    @Test
    void shouldAnswerPipelinedRequestsInOrderWhenRepliesComeFromOtherThreads() throws Exception
    {
        final SplittableRandom random = new SplittableRandom();
        final GatewayServer server = start(context(), request ->
        {
            final byte[] body = Arrays.copyOf(request.body(), request.bodyLength());
            final ReplyChannel channel = request.replyChannel();
            final long delayMs = random.split().nextLong(0, 20);
            replyThreads.execute(() ->
            {
                sleep(delayMs);
                channel.reply(body, 0, body.length, 200);
            });
        });
        final StringBuilder pipelined = new StringBuilder();
        for (int i = 0; i < 8; i++)
        {
            pipelined.append(RawHttp.post("/callService", "application/json", "{\"n\":" + i + "}"));
        }
        try (RawHttp c = new RawHttp(server.port()))
        {
            c.send(pipelined.toString());
            for (int i = 0; i < 8; i++)
            {
                assertThat(c.read().body()).isEqualTo("{\"n\":" + i + "}");
            }
        }
    }

    @Test
    void shouldServeManyConnectionsWithRepliesFromAnotherThread() throws Exception
    {
        final GatewayServer server = start(context().ioThreads(2), new EchoListener(replyThreads));
        final ExecutorService clients = Executors.newFixedThreadPool(8);
        try
        {
            final List<java.util.concurrent.Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++)
            {
                final int n = i;
                futures.add(clients.submit(() -> post(server.port(), "/callService/2207", "application/json", "{\"i\":" + n + "}").body()));
            }
            for (int i = 0; i < futures.size(); i++)
            {
                assertThat(futures.get(i).get(3, TimeUnit.SECONDS)).isEqualTo("2207|-|{\"i\":" + i + "}");
            }
        }
        finally
        {
            clients.shutdownNow();
        }
        assertThat(server.requestsInFlight()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"epoll, 0", "nio, 0", "epoll, 500", "nio, 500"})
    void shouldServeOnEveryTransportWithAndWithoutBusyPoll(final String transport, final int busyPollUs) throws Exception
    {
        final GatewayServer server = start(context().ioThreads(1).netTransport(NetTransport.byConfigName(transport))
            .ioBusyPollUs(busyPollUs), new EchoListener(replyThreads));
        if (transport.equals("nio") || io.netty.channel.epoll.Epoll.isAvailable())
        {
            assertThat(server.transport()).isEqualTo(transport);
        }
        try (RawHttp c = new RawHttp(server.port()))
        {
            for (int i = 0; i < 20; i++)
            {
                c.send(RawHttp.post("/callService/2207", "application/json", "{\"i\":" + i + "}"));
                assertThat(c.read().body()).isEqualTo("2207|-|{\"i\":" + i + "}");
                if (i % 5 == 4)
                {
                    sleep(2); // past the busy-poll window: the loop must wake from a blocking wait for the reply
                }
            }
        }
        assertThat(server.requestsInFlight()).isZero();
    }

    @Test
    void shouldAnswerE9003WhenTheListenerThrowsAndCountIt() throws Exception
    {
        final GatewayContext ctx = context();
        final GatewayServer server = start(ctx, request ->
        {
            throw new IllegalStateException("boom");
        });

        final RawHttp.Response r = post(server.port(), "/callService", "application/json", "{}");

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).contains("\"infcode\":-1").contains("E9003: internal error");
        assertThat(ctx.metrics().counters().get(GatewayCounter.LISTENER_ERRORS)).isEqualTo(1);
    }

    @Test
    void shouldLetTheListenerRefuseSynchronouslyOnTheEventLoopAndIgnoreASecondReply() throws Exception
    {
        final GatewayContext ctx = context().conclude();
        final ErrorEnvelope envelope = new ErrorEnvelope(ctx);
        final List<Boolean> secondReply = new ArrayList<>();
        final GatewayServer server = start(ctx, request ->
        {
            final byte[] overload = envelope.encode(ErrorCode.E9001);
            request.replyChannel().reply(overload, 0, overload.length, 200);
            secondReply.add(request.replyChannel().reply(overload, 0, overload.length, 200));
        });

        final RawHttp.Response r = post(server.port(), "/callService", "application/json", "{}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"infcode\":-1").contains("E9001: gateway overloaded, retry");
        assertThat(secondReply).containsExactly(false);
    }

    @Test
    void shouldAnswerExpectContinueRequests() throws Exception
    {
        final GatewayServer server = start(context(), new EchoListener());
        try (RawHttp c = new RawHttp(server.port()))
        {
            c.send("POST /callService HTTP/1.1\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n" +
                "Content-Length: 7\r\n\r\n");
            final RawHttp.Response interim = c.read();
            final RawHttp.Response r = c.send("{\"a\":1}").read();

            assertThat(interim.status()).isEqualTo(100);
            assertThat(r.body()).isEqualTo("-|-|{\"a\":1}");
        }
    }

    @Test
    void shouldCloseAfterAnswerWhenTheClientAsksAndSpeakHttp10KeepAlive() throws Exception
    {
        final GatewayServer server = start(context(), new EchoListener());
        try (RawHttp c = new RawHttp(server.port()))
        {
            final RawHttp.Response r = c.send("POST /2207 HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\n{}")
                .read();
            assertThat(r.headers()).containsEntry("connection", "keep-alive");
            final RawHttp.Response last = c.send("POST /2208 HTTP/1.1\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}")
                .read();
            assertThat(last.body()).isEqualTo("2208|-|{}");
            assertThat(last.headers()).containsEntry("connection", "close");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void shouldPrintNothingButOfferTheListeningLine()
    {
        final GatewayServer server = start(context(), new EchoListener());

        assertThat(server.listeningLine()).isEqualTo("listening on 127.0.0.1:" + server.port());
        assertThat(server.isListening()).isTrue();
    }

    static void sleep(final long ms)
    {
        try
        {
            Thread.sleep(ms + ThreadLocalRandom.current().nextInt(2));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}

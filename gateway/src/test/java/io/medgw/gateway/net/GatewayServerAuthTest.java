package io.medgw.gateway.net;

import io.medgw.gateway.config.GatewayContext;
import io.medgw.gateway.status.GatewayCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static io.medgw.gateway.net.NetTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
final class GatewayServerAuthTest
{
    private static final long NOW_MS = 1_764_000_000_000L;
    private final GatewayContext ctx = context()
        .tifToken("mbs_fsi_auth", "s3cret").tifToken("h13", "other").authTimestampWindowSeconds(300)
        .epochClock(() -> NOW_MS);
    private GatewayServer server;

    @BeforeAll
    static void warmUpJvm() throws Exception
    {
        NetTestSupport.warmUpJvm();
    }

    @BeforeEach
    void start()
    {
        server = new GatewayServer(ctx.conclude(), new EchoListener()).start();
    }

    @AfterEach
    void stop()
    {
        server.close();
    }

    private static String signed(final String paasid, final String token, final long timestampSeconds, final String nonce)
    {
        final String ts = Long.toString(timestampSeconds);
        return "POST /fsi/api/rsfComIfsService/callService HTTP/1.1\r\nContent-Type: application/json\r\n" +
            "x-tif-paasid: " + paasid + "\r\nx-tif-timestamp: " + ts + "\r\nx-tif-nonce: " + nonce + "\r\n" +
            "x-tif-signature: " + TifAuthenticator.sign(ts, token, nonce) + "\r\nContent-Length: 2\r\n\r\n{}";
    }

    @Test
    void shouldAcceptAValidSignatureAndPassThePaasid() throws Exception
    {
        try (RawHttp c = new RawHttp(server.port()))
        {
            final RawHttp.Response r = c.send(signed("mbs_fsi_auth", "s3cret", NOW_MS / 1000 - 299, "n-1")).read();

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("-|mbs_fsi_auth|{}");
        }
    }

    @Test
    void shouldRefuseWrongTokenStaleTimestampUnknownPaasidAndMissingHeadersWithE5009() throws Exception
    {
        try (RawHttp c = new RawHttp(server.port()))
        {
            final String[] requests = {
                signed("mbs_fsi_auth", "wrong", NOW_MS / 1000, "n-2"),
                signed("mbs_fsi_auth", "s3cret", NOW_MS / 1000 - 301, "n-3"),
                signed("nobody", "s3cret", NOW_MS / 1000, "n-4"),
                signed("h13", "s3cret", NOW_MS / 1000, "n-5"),
                RawHttp.post("/callService", "application/json", "{}"),
            };
            for (final String request : requests)
            {
                final RawHttp.Response r = c.send(request).read();
                assertThat(r.status()).isEqualTo(401);
                assertThat(r.body()).contains("\"infcode\":-2").contains("\"err_msg\":\"E5009: bad signature\"");
            }
            assertThat(c.send(signed("h13", "other", NOW_MS / 1000, "n-6")).read().body()).isEqualTo("-|h13|{}");
        }
        assertThat(ctx.metrics().counters().get(GatewayCounter.AUTH_REFUSALS)).isEqualTo(5);
    }
}

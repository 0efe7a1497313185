package io.medgw.gateway.net;

import io.medgw.gateway.config.GatewayContext;

import java.io.IOException;

/**
 * Test helper: contexts on 127.0.0.1 with ephemeral ports and short timeouts. Tests talk raw HTTP over sockets
 * ({@link RawHttp}): java.net.http.HttpClient spends seconds initialising TLS on a busy machine.
 */
final class NetTestSupport
{
    private NetTestSupport()
    {
    }

    static GatewayContext context()
    {
        return new GatewayContext()
            .host("127.0.0.1").port(0).adminPort(0).ioThreads(1)
            .shutdownTimeoutMs(1_000).receiverAdmdvs("440300");
    }

    /**
     * Runs one request through a throw-away server, so the first timed test does not pay the JVM's class loading
     * (seconds on a busy machine). Call from {@code @BeforeAll}.
     */
    static void warmUpJvm() throws IOException
    {
        try (GatewayServer server = new GatewayServer(context().conclude(), new EchoListener()).start())
        {
            post(server.port(), "/2207", "application/json", "{}");
        }
    }

    static RawHttp.Response post(final int port, final String path, final String contentType, final String body)
        throws IOException
    {
        try (RawHttp c = new RawHttp(port))
        {
            return c.send(RawHttp.post(path, contentType, body)).read();
        }
    }
}

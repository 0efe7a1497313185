package io.medgw.gateway.admin;

import io.medgw.gateway.config.GatewayContext;
import io.medgw.gateway.status.GatewayCounter;
import io.medgw.gateway.status.GatewayGauge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
final class AdminServerTest
{
    private final GatewayContext ctx = new GatewayContext().host("127.0.0.1").port(0).adminPort(0).conclude();
    private final Readiness readiness = new Readiness();
    private final AtomicInteger reloads = new AtomicInteger();
    private AdminServer admin;

    /** Loads the HTTP server and client classes outside the timed tests (seconds on a busy machine). */
    @BeforeAll
    static void warmUpJvm() throws Exception
    {
        final GatewayContext warm = new GatewayContext().host("127.0.0.1").port(0).adminPort(0).conclude();
        final AdminServer server = new AdminServer(warm, () -> null, null).start();
        try
        {
            final HttpURLConnection c = (HttpURLConnection)new URL("http://127.0.0.1:" + server.port() + "/metrics")
                .openConnection();
            c.getInputStream().readAllBytes();
        }
        finally
        {
            server.close();
            warm.metrics().close();
        }
    }

    @AfterEach
    void stop()
    {
        admin.close();
        ctx.metrics().close();
    }

    private AdminServer start(final Callable<String> hook) throws IOException
    {
        admin = new AdminServer(ctx, readiness, hook).start();
        return admin;
    }

    private String[] call(final String method, final String path) throws IOException
    {
        final HttpURLConnection c = (HttpURLConnection)new URL("http://127.0.0.1:" + admin.port() + path).openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(2_000);
        c.setReadTimeout(2_000);
        if ("POST".equals(method))
        {
            c.setDoOutput(true);
            c.getOutputStream().close();
        }
        final int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream())
        {
            return new String[] {Integer.toString(status), in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8),
                String.valueOf(c.getContentType())};
        }
    }

    @Test
    void shouldServeMetricsWithTheGatewayCounters() throws Exception
    {
        start(null);
        ctx.metrics().counters().add(GatewayCounter.REQUESTS_RECEIVED, 5);

        final String[] r = call("GET", "/metrics");

        assertThat(r[0]).isEqualTo("200");
        assertThat(r[1]).contains("# TYPE medgw_requests_received_total counter").contains("medgw_requests_received_total 5.0");
        assertThat(r[2]).startsWith("text/plain; version=0.0.4");
    }

    @Test
    void shouldAnswerHealthAlwaysAndReadyOnlyWhenRebuiltAndAccepting() throws Exception
    {
        start(null);
        ctx.metrics().gauge(GatewayGauge.READY, readiness::readyAsLong);

        assertThat(call("GET", "/health")).startsWith("200", "UP\n");
        assertThat(call("GET", "/ready")).startsWith("503", "NOT READY: state not yet rebuilt from the ledger\n");
        readiness.stateRebuilt(true);
        assertThat(call("GET", "/ready")).startsWith("503", "NOT READY: settlement ring not accepting\n");
        readiness.ringAccepting(true);
        assertThat(call("GET", "/ready")).startsWith("200", "READY\n");
        assertThat(call("GET", "/metrics")[1]).contains("medgw_ready 1.0");
        readiness.shuttingDown(true);
        assertThat(call("GET", "/ready")).startsWith("503", "NOT READY: shutting down\n");
        assertThat(call("GET", "/health")[0]).isEqualTo("200");
    }

    @Test
    void shouldRunTheReloadHookOnPostAndCountOutcomes() throws Exception
    {
        start(() ->
        {
            if (reloads.incrementAndGet() == 2)
            {
                throw new IllegalStateException("catalogue.csv line 7: bad price");
            }
            return "reloaded version 2026-11-25";
        });

        assertThat(call("POST", "/admin/reload")).startsWith("200", "reloaded version 2026-11-25\n");
        assertThat(call("POST", "/admin/reload")).startsWith("500",
            "reload failed: java.lang.IllegalStateException: catalogue.csv line 7: bad price\n");
        assertThat(call("GET", "/admin/reload")[0]).isEqualTo("405");
        assertThat(ctx.metrics().counters().get(GatewayCounter.REFERENCE_RELOADS)).isEqualTo(1);
        assertThat(ctx.metrics().counters().get(GatewayCounter.REFERENCE_RELOAD_FAILURES)).isEqualTo(1);
    }

    @Test
    void shouldAnswer404ForUnknownPathsAndAMissingReloadHookAnd405ForPostMetrics() throws Exception
    {
        start(null);

        assertThat(call("GET", "/nope")[0]).isEqualTo("404");
        assertThat(call("POST", "/admin/reload")).startsWith("404", "reload not configured\n");
        assertThat(call("POST", "/metrics")[0]).isEqualTo("405");
    }

    @Test
    void shouldRequestASnapshotOnPostAndSayWhenOneIsAlreadyInProgress() throws Exception
    {
        final AtomicInteger asked = new AtomicInteger();
        admin = new AdminServer(ctx, readiness, null).snapshotHook(() -> asked.incrementAndGet() == 1).start();

        assertThat(call("POST", "/admin/snapshot")).startsWith("202",
            "snapshot requested: the log and medgw_snapshots_total say when it is written\n");
        assertThat(call("POST", "/admin/snapshot")).startsWith("409",
            "a snapshot is already in progress (or the ring is full): retry later\n");
        assertThat(call("GET", "/admin/snapshot")[0]).isEqualTo("405");
        assertThat(asked).hasValue(2);
    }

    @Test
    void shouldAnswer404ForASnapshotWhenSnapshotsAreOff() throws Exception
    {
        start(null);

        assertThat(call("POST", "/admin/snapshot")).startsWith("404", "snapshots are off (the desk cannot write them)\n");
    }
}

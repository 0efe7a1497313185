package io.medgw.gateway.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.medgw.gateway.config.GatewayContext;
import io.medgw.gateway.status.GatewayCounter;
import io.medgw.gateway.status.GatewayMetrics;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The operations HTTP server on admin.host:admin.port, separate from the settlement port and its
 * event loops (JDK {@code com.sun.net.httpserver}, one daemon thread "medgw-admin"):
 * <ul>
 * <li>{@code GET /metrics}: Prometheus text exposition of every meter;</li>
 * <li>{@code GET /health}: 200 "UP" while the process runs;</li>
 * <li>{@code GET /ready}: 200 "READY" when the {@link ReadinessCheck} passes, else 503 with the reason;</li>
 * <li>{@code POST /admin/reload}: runs the reload hook (reference data), 200 with its result text,
 *     500 with the error, 404 when no hook is configured;</li>
 * <li>{@code POST /admin/snapshot}: asks for a state snapshot now, 202 when requested, 409 when one
 *     is already in progress (or the ring is full), 404 when snapshots are off.</li>
 * </ul>
 * Other methods on these paths answer 405; other paths 404.
 */
public final class AdminServer implements AutoCloseable
{
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final GatewayContext ctx;
    private final GatewayMetrics metrics;
    private final ReadinessCheck readiness;
    private final Callable<String> reloadHook;
    private BooleanSupplier snapshotHook;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param ctx concluded context (admin host and port, metrics).
     * @param readiness decides /ready.
     * @param reloadHook reference-data reload, or null when not supported.
     */
    public AdminServer(final GatewayContext ctx, final ReadinessCheck readiness, final Callable<String> reloadHook)
    {
        if (!ctx.isConcluded())
        {
            throw new IllegalStateException("context not concluded");
        }
        this.ctx = ctx;
        this.metrics = ctx.metrics();
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.reloadHook = reloadHook;
    }

    /**
     * @param hook requests a snapshot (false: one is in progress), or null when snapshots are off.
     * @return this
     */
    public AdminServer snapshotHook(final BooleanSupplier hook)
    {
        this.snapshotHook = hook;
        return this;
    }

    /**
     * Binds and starts serving.
     *
     * @return this
     * @throws IOException when the address cannot be bound.
     */
    public AdminServer start() throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(ctx.adminHost(), ctx.adminPort()), 64);
        executor = Executors.newSingleThreadExecutor(r ->
        {
            final Thread t = new Thread(r, "medgw-admin");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** @return the bound port (the real one when admin.port = 0), or -1 before start. */
    public int port()
    {
        return server == null ? -1 : server.getAddress().getPort();
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            final String path = exchange.getRequestURI().getPath();
            final String method = exchange.getRequestMethod();
            switch (path)
            {
                case "/metrics" -> get(exchange, method, () -> send(exchange, 200, PROMETHEUS_TEXT, metrics.scrape()));
                case "/health" -> get(exchange, method, () -> send(exchange, 200, TEXT, "UP\n"));
                case "/ready" -> get(exchange, method, () -> ready(exchange));
                case "/admin/reload" -> reload(exchange, method);
                case "/admin/snapshot" -> snapshot(exchange, method);
                default -> send(exchange, 404, TEXT, "not found: " + path + "\n");
            }
        }
    }

    private void ready(final HttpExchange exchange) throws IOException
    {
        final String reason = readiness.notReadyReason();
        if (reason == null)
        {
            send(exchange, 200, TEXT, "READY\n");
        }
        else
        {
            send(exchange, 503, TEXT, "NOT READY: " + reason + "\n");
        }
    }

    private void snapshot(final HttpExchange exchange, final String method) throws IOException
    {
        if (!post(exchange, method))
        {
            return;
        }
        if (snapshotHook == null)
        {
            send(exchange, 404, TEXT, "snapshots are off (the desk cannot write them)\n");
            return;
        }
        exchange.getRequestBody().readAllBytes();
        if (snapshotHook.getAsBoolean())
        {
            send(exchange, 202, TEXT, "snapshot requested: the log and medgw_snapshots_total say when it is written\n");
        }
        else
        {
            send(exchange, 409, TEXT, "a snapshot is already in progress (or the ring is full): retry later\n");
        }
    }

    private static boolean post(final HttpExchange exchange, final String method) throws IOException
    {
        if ("POST".equals(method))
        {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "POST");
        send(exchange, 405, TEXT, "use POST\n");
        return false;
    }

    private void reload(final HttpExchange exchange, final String method) throws IOException
    {
        if (!post(exchange, method))
        {
            return;
        }
        if (reloadHook == null)
        {
            send(exchange, 404, TEXT, "reload not configured\n");
            return;
        }
        exchange.getRequestBody().readAllBytes();
        String result;
        int status;
        try
        {
            result = String.valueOf(reloadHook.call());
            status = 200;
            metrics.counters().increment(GatewayCounter.REFERENCE_RELOADS);
        }
        catch (final Exception ex)
        {
            result = "reload failed: " + ex;
            status = 500;
            metrics.counters().increment(GatewayCounter.REFERENCE_RELOAD_FAILURES);
        }
        send(exchange, status, TEXT, result.endsWith("\n") ? result : result + "\n");
    }

    private static void get(final HttpExchange exchange, final String method, final IoAction action) throws IOException
    {
        if ("GET".equals(method) || "HEAD".equals(method))
        {
            action.run();
        }
        else
        {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, TEXT, "use GET\n");
        }
    }

    private static void send(final HttpExchange exchange, final int status, final String contentType, final String body)
        throws IOException
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        final boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head)
        {
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(bytes);
            }
        }
    }

    /** Stops serving at once (an exchange in progress is cut). Idempotent. */
    public void close()
    {
        if (server != null)
        {
            server.stop(0);
            server = null;
        }
        if (executor != null)
        {
            executor.shutdownNow();
            try
            {
                executor.awaitTermination(ctx.shutdownTimeoutMs(), TimeUnit.MILLISECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @FunctionalInterface
    private interface IoAction
    {
        void run() throws IOException;
    }
}

package io.medgw.cli;

import io.medgw.gateway.Gateway;
import io.medgw.gateway.config.GatewayConfigLoader;
import io.medgw.gateway.config.GatewayContext;
import io.medgw.gateway.reference.ReferenceDataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code medgw serve}: runs the gateway until SIGTERM/SIGINT, then shuts down gracefully. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the settlement gateway. Prints one line `listening on HOST:PORT` when ready (state rebuilt from the",
        "newest snapshot and the ledger records after it, ports bound). Stops gracefully on SIGTERM/SIGINT: refuses new",
        "requests, answers every one in the ring, writes a snapshot, closes the ledger.",
        "Configuration keys and defaults: docs/operations.md."})
public final class ServeCommand implements Callable<Integer>
{
    @Option(names = "--config", description = "Configuration file (key = value; see docs/operations.md). Optional: defaults apply.")
    Path config;

    @Option(names = "--data", description = "Reference-data directory (overrides data.dir).")
    Path data;

    @Option(names = "--ledger", description = "Ledger directory (overrides ledger.dir).")
    Path ledger;

    @Option(names = "--port", description = "Settlement HTTP port (overrides port; 0 = any free port).")
    Integer port;

    @Option(names = "--admin-port", description = "Admin HTTP port: /metrics /health /ready /admin/reload /admin/snapshot (overrides admin.port).")
    Integer adminPort;

    @Override
    public Integer call() throws IOException, InterruptedException
    {
        final GatewayContext ctx = context();
        final Gateway gateway;
        try
        {
            gateway = Gateway.start(ctx, Desks::full);
        }
        catch (final ReferenceDataException ex)
        {
            throw new Medgw.UsageProblem(ex.getMessage() + System.lineSeparator() +
                "the gateway refuses to start on bad reference data; fix these rows (docs/reference-data.md)");
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            gateway.close();
            stopped.countDown();
        }, "medgw-shutdown"));
        System.out.println(gateway.listeningLine());
        System.out.flush();
        stopped.await();
        return 0;
    }

    private GatewayContext context() throws IOException
    {
        final Map<String, String> overrides = new LinkedHashMap<>();
        if (data != null)
        {
            overrides.put("data.dir", data.toString());
        }
        if (ledger != null)
        {
            overrides.put("ledger.dir", ledger.toString());
        }
        if (port != null)
        {
            overrides.put("port", port.toString());
        }
        if (adminPort != null)
        {
            overrides.put("admin.port", adminPort.toString());
        }
        if (config != null && !Files.isReadable(config))
        {
            throw new Medgw.UsageProblem("--config " + config + ": no such readable file (see docs/operations.md for the keys)");
        }
        try
        {
            final GatewayContext ctx = config != null ? GatewayConfigLoader.load(config, overrides) : defaults(overrides);
            return ctx.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new Medgw.UsageProblem(ex.getMessage());
        }
    }

    private static GatewayContext defaults(final Map<String, String> overrides)
    {
        final GatewayContext ctx = new GatewayContext();
        overrides.forEach((k, v) -> GatewayConfigLoader.apply(ctx, k, v, "command line"));
        return ctx;
    }
}

package io.medgw.cli;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.Gateway;
import io.medgw.gateway.config.Durability;
import io.medgw.gateway.config.GatewayContext;
import io.medgw.gateway.reference.ReferenceDataException;
import io.medgw.ledger.LedgerReader;
import io.medgw.loadtest.LoadGenerator;
import io.medgw.loadtest.region.DemoRegionGenerator;
import io.medgw.loadtest.region.Scale;
import io.medgw.loadtest.scenario.DemoDayGenerator;
import io.medgw.loadtest.scenario.DemoWorld;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code medgw demo}: the main job. Generates the demo region once, starts the gateway on loopback,
 * signs the institutions in, drives it with a demo day of national-interface requests over HTTP,
 * and prints throughput, latency percentiles and the day's fund totals read back from the ledger.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the gateway on the bundled demo region and drive it over loopback HTTP with a demo day of requests;",
        "print throughput, latency percentiles and the day's fund totals read back from the ledger."})
public final class DemoCommand implements Callable<Integer>
{
    private static final String PATH = "/fsi/api/rsfComIfsService/callService";

    @Option(names = "--work", defaultValue = "work", description = "Work directory for the region and the ledger (default ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--requests", defaultValue = "20000", description = "Requests in the demo day (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--connections", defaultValue = "8", description = "Client connections (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--durability", defaultValue = "fsync", description = "fsync (default: a reply waits for its batch's fsync) or process.")
    String durability;

    @Option(names = "--scale", defaultValue = "DEMO", description = "Region size: DEMO (default) or SMALL.")
    Scale scale;

    @Option(names = {"-v", "--verbose"}, description = "Also print the first refusal message of each error code.")
    boolean verbose;

    @Override
    public Integer call() throws IOException, InterruptedException
    {
        final ZoneId zone = ZoneId.of("Asia/Shanghai");
        final Path region = work.resolve(scale == Scale.DEMO ? "demo-region" : "small-region");
        ensureRegion(region);
        final List<byte[]> bodies = new ArrayList<>(requests);
        final TreeSet<String> institutions = new TreeSet<>();
        final long g0 = System.nanoTime();
        final DemoDayGenerator.Summary day = DemoDayGenerator.forEachRequest(DemoWorld.load(region), 11, requests,
            LocalDate.now(zone), r ->
            {
                bodies.add(r.json().getBytes(StandardCharsets.UTF_8));
                institutions.add(r.fixmedinsCode());
            });
        System.out.printf("demo day: %,d requests %s at %,d institutions (generated in %d ms)%n",
            day.requests(), day.byInfno(), institutions.size(), (System.nanoTime() - g0) / 1_000_000);

        final Path ledgerDir = work.resolve("demo-ledger");
        deleteTree(ledgerDir);
        final GatewayContext ctx = new GatewayContext().host("127.0.0.1").port(0).adminHost("127.0.0.1").adminPort(0)
            .dataDir(region).ledgerDir(ledgerDir).durability(Durability.byConfigName(durability)).timeZone(zone);
        try (Gateway gateway = start(ctx))
        {
            System.out.println(gateway.listeningLine() + " (admin port " + gateway.adminPort() + ", durability " + durability + ")");
            final int signedIn = SignIn.all("127.0.0.1", gateway.port(), PATH, institutions, zone);
            System.out.printf("signed in %,d institutions (9001)%n", signedIn);
            final LoadGenerator load = new LoadGenerator("127.0.0.1", gateway.port(), PATH, connections, 0, zone);
            final long total = bodies.size();
            final LoadGenerator.Report report = load.run(bodies, n ->
            {
                if (n % 5_000 == 0)
                {
                    System.out.printf("  %,d / %,d answered%n", n, total);
                }
            });
            System.out.println("over loopback HTTP, " + connections + " connections, closed loop:");
            System.out.println(report.summary());
            if (verbose)
            {
                System.out.print(report.examples());
            }
            printTotals(gateway);
        }
        return 0;
    }

    private static Gateway start(final GatewayContext ctx) throws IOException
    {
        try
        {
            return Gateway.start(ctx, Desks::full);
        }
        catch (final ReferenceDataException ex)
        {
            throw new Medgw.UsageProblem(ex.getMessage());
        }
    }

    private void ensureRegion(final Path region)
    {
        if (Files.exists(region.resolve("version.properties")))
        {
            return;
        }
        System.out.println("generating the demo region into " + region + " (once; seed " + GenDemoCommand.DEFAULT_SEED + ") ...");
        final DemoRegionGenerator.Summary s = DemoRegionGenerator.generate(region, GenDemoCommand.DEFAULT_SEED, scale);
        System.out.printf("  %d regions, %,d institutions, %,d catalogue codes, %,d persons%n",
            s.regions(), s.institutions(), s.catalogueCodes(), s.persons());
    }

    private static void printTotals(final Gateway gateway)
    {
        final FundTotals totals = new FundTotals();
        final SettlementRequest req = new SettlementRequest();
        final SettlementResult res = new SettlementResult();
        try (LedgerReader reader = gateway.ledger().reader())
        {
            while (reader.next(req, res))
            {
                totals.add(res);
            }
        }
        System.out.println("from the ledger:");
        totals.print(System.out, "ledger records");
    }

    private static void deleteTree(final Path dir) throws IOException
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path p : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(p);
            }
        }
    }
}

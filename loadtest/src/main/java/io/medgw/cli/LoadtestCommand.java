package io.medgw.cli;

import io.medgw.loadtest.LoadGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code medgw loadtest}: drives a running gateway over loopback with a JSON-lines request file. */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
    description = {"Drive a running gateway (bin/medgw serve) with the request envelopes of a JSON-lines file (from gen-requests),",
        "signing the institutions in first (9001); inf_time is set to the send time. Prints throughput and latency",
        "percentiles (HdrHistogram; at a fixed --rate, measured from each request's intended start: no coordinated omission)."})
public final class LoadtestCommand implements Callable<Integer>
{
    private static final Pattern FIXMEDINS = Pattern.compile("\"fixmedins_code\"\\s*:\\s*\"([^\"]+)\"");

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Gateway host, loopback only (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Gateway port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--path", defaultValue = "/fsi/api/rsfComIfsService/callService", description = "Request path (default ${DEFAULT-VALUE}).")
    String path;

    @Option(names = "--requests", required = true, description = "JSON-lines file of request envelopes.")
    Path requests;

    @Option(names = "--connections", defaultValue = "1", description = "Keep-alive connections (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--rate", defaultValue = "0", description = "Offered requests/s over all connections; 0 = closed loop (default).")
    long rate;

    @Option(names = "--warmup", defaultValue = "0", description = "Send the first N requests first and leave them out of the figures.")
    int warmup;

    @Option(names = "--zone", defaultValue = "Asia/Shanghai", description = "The gateway's time zone, for inf_time (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--no-sign-in", description = "Do not send 9001 for each institution first.")
    boolean noSignIn;

    @Option(names = {"-v", "--verbose"}, description = "Also print the first refusal message of each error code.")
    boolean verbose;

    @Override
    public Integer call() throws IOException, InterruptedException
    {
        if (!isLoopback(host))
        {
            throw new Medgw.UsageProblem("--host " + host + ": the load generator only targets loopback addresses (127.0.0.0/8, localhost, ::1)");
        }
        if (!Files.isReadable(requests))
        {
            throw new Medgw.UsageProblem("--requests " + requests + ": no such readable file (make one with: bin/medgw gen-requests)");
        }
        final List<byte[]> bodies = new ArrayList<>();
        final TreeSet<String> institutions = new TreeSet<>();
        for (final String line : Files.readAllLines(requests, StandardCharsets.UTF_8))
        {
            if (!line.isBlank())
            {
                bodies.add(line.getBytes(StandardCharsets.UTF_8));
                final Matcher m = FIXMEDINS.matcher(line);
                if (m.find())
                {
                    institutions.add(m.group(1));
                }
            }
        }
        if (!noSignIn)
        {
            System.out.printf("signed in %,d of %,d institutions%n", SignIn.all(host, port, path, institutions, zone), institutions.size());
        }
        final LoadGenerator load = new LoadGenerator(host, port, path, connections, rate, zone);
        final int w = Math.min(warmup, bodies.size());
        if (w > 0)
        {
            load.run(bodies.subList(0, w), null);
            System.out.printf("warm-up: %,d requests%n", w);
        }
        final long total = bodies.size() - w;
        final LoadGenerator.Report report = load.run(bodies.subList(w, bodies.size()), n ->
        {
            if (n % 10_000 == 0)
            {
                System.out.printf("  %,d / %,d answered%n", n, total);
            }
        });
        System.out.printf("%d connection(s), %s:%n", connections, rate == 0 ? "closed loop" : "offered " + rate + " req/s");
        System.out.println(report.summary());
        if (verbose)
        {
            System.out.print(report.examples());
        }
        return report.ioErrors() == 0 ? 0 : 1;
    }

    private static boolean isLoopback(final String host)
    {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}

package io.medgw.cli;

import io.medgw.loadtest.scenario.DemoDayGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code medgw gen-requests}: writes a demo day of request envelopes (JSON lines) for a region. */
@Command(name = "gen-requests", mixinStandardHelpOptions = true,
    description = {"Write a demo day of national-interface request envelopes (JSON lines) against a reference-data directory:",
        "outpatient 2207, pharmacy 2102, inpatient 2304, 异地, chronic and maternity cases, a few deliberate refusals,",
        "2601 冲正 and exact re-sends. Feed it to `settle --requests` or `loadtest --requests`."})
public final class GenRequestsCommand implements Callable<Integer>
{
    @Option(names = "--data", required = true, description = "Reference-data directory (from gen-demo).")
    Path data;

    @Option(names = "--out", required = true, description = "File to write.")
    Path out;

    @Option(names = "--count", defaultValue = "10000", description = "Number of requests (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--day", defaultValue = "2026-03-16", description = "Day of every inf_time, yyyy-MM-dd (default ${DEFAULT-VALUE}).")
    LocalDate day;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call()
    {
        if (!Files.isDirectory(data))
        {
            throw new Medgw.UsageProblem("--data " + data + ": no such directory (generate one with: bin/medgw gen-demo --out " + data + ")");
        }
        final DemoDayGenerator.Summary s = DemoDayGenerator.generate(data, out, seed, count, day);
        System.out.printf("wrote %,d requests to %s (%s … %s): %s; %,d fee lines%n",
            s.requests(), out, s.firstInfTime(), s.lastInfTime(), s.byInfno(), s.feeLines());
        return 0;
    }
}

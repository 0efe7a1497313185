package io.medgw.cli;

import io.medgw.loadtest.region.DemoRegionGenerator;
import io.medgw.loadtest.region.Scale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code medgw gen-demo}: writes the demo region's reference data. */
@Command(name = "gen-demo", mixinStandardHelpOptions = true,
    description = "Write the demo region's reference data (CSV, see docs/reference-data.md) into a directory.")
public final class GenDemoCommand implements Callable<Integer>
{
    /** The seed the README's demo uses. */
    public static final long DEFAULT_SEED = 20_261_125L;

    @Option(names = "--out", required = true, description = "Directory to write (created if missing).")
    Path out;

    @Option(names = "--seed", defaultValue = "" + DEFAULT_SEED, description = "Random seed (default ${DEFAULT-VALUE}); the same seed writes the same files.")
    long seed;

    @Option(names = "--scale", defaultValue = "DEMO", description = "DEMO (200,000 persons, 3 × 50,000 items) or SMALL (for tests). Default ${DEFAULT-VALUE}.")
    Scale scale;

    @Override
    public Integer call()
    {
        final long t0 = System.nanoTime();
        final DemoRegionGenerator.Summary s = DemoRegionGenerator.generate(out, seed, scale);
        System.out.printf("wrote %s to %s in %d ms: %d regions, %,d institutions, %,d catalogue codes (%,d rows), " +
            "%,d persons, %,d 认定, %,d 备案, %,d 共济 bindings, %d policies%n",
            s.version(), out, (System.nanoTime() - t0) / 1_000_000, s.regions(), s.institutions(), s.catalogueCodes(),
            s.catalogueRows(), s.persons(), s.chronic(), s.filings(), s.bindings(), s.policies());
        return 0;
    }
}

package io.medgw.loadtest.bench;

import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.reference.ReferenceDataException;
import io.medgw.gateway.reference.ReferenceDataLoader;
import io.medgw.loadtest.region.DemoRegionGenerator;
import io.medgw.loadtest.region.Scale;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reference-data load time and footprint: {@link ReferenceDataLoader#load} of the DEMO region
 * (3 pooling regions, 200,000 persons, 3 × 50,000 catalogue codes, 1,200 institutions), which is
 * what the gateway does at start and on every reload. <b>Targets: ≤ 5 s wall time (median of the
 * runs) and ≤ 1 GiB heap</b>: run with {@code -Xmx1g} so that the bound is proved by the load not
 * failing, and read the heap in use after a full GC with the loaded data alive.
 * <pre>
 *   DEMO region dir ──ReferenceDataLoader.load (parallel readers, validation)──▶ ReferenceData
 *   × runs (the previous load is garbage before the next starts), then System.gc() → heap used
 * </pre>
 * <pre>
 *   java -cp loadtest/target/medgw.jar -Xmx1g io.medgw.loadtest.bench.RegionLoadBench [RUNS] [--dir DIR]
 * </pre>
 * Without {@code --dir} (or with an empty one) the DEMO region (seed 42) is generated first, into a
 * temp directory deleted afterwards (or into DIR, kept). The first run includes JIT warm-up: it is
 * what a cold gateway start pays, and is reported on its own; the median is the steady figure (a
 * reload). The exit status is 0 when the median and the heap meet their targets.
 */
public final class RegionLoadBench
{
    private static final long SEED = 42L;
    private static final long TARGET_MS = 5_000;
    private static final long TARGET_HEAP = 1L << 30;

    /**
     * The figures of one run of this tool.
     *
     * @param wallMs        wall time of each load, in order.
     * @param medianMs      their median.
     * @param baselineBytes heap in use after a full GC before the first load.
     * @param heapUsedBytes heap in use after a full GC with the last load alive.
     * @param heapMaxBytes  the JVM's maximum heap (-Xmx).
     * @param persons       persons loaded.
     */
    public record Result(long[] wallMs, long medianMs, long baselineBytes, long heapUsedBytes, long heapMaxBytes,
        int persons)
    {
    }

    private RegionLoadBench()
    {
    }

    /**
     * @param args {@code [RUNS] [--dir DIR]}; RUNS defaults to 5.
     * @throws Exception if generation or a load fails.
     */
    public static void main(final String[] args) throws Exception
    {
        int runs = 5;
        Path dir = null;
        for (int i = 0; i < args.length; i++)
        {
            if ("--dir".equals(args[i]))
            {
                dir = Path.of(args[++i]);
            }
            else
            {
                runs = Integer.parseInt(args[i]);
            }
        }
        final boolean temp = dir == null;
        final Path regionDir = temp ? Files.createTempDirectory("medgw-region-bench") : dir;
        final Result r;
        try
        {
            r = run(regionDir, runs, System.out);
        }
        finally
        {
            if (temp)
            {
                BenchFiles.deleteTree(regionDir);
            }
        }
        System.exit(r.medianMs() <= TARGET_MS && r.heapUsedBytes() <= TARGET_HEAP ? 0 : 1);
    }

    /**
     * Loads the region in {@code dir} {@code runs} times, generating the DEMO region there first
     * when it holds none, and prints each time, the median and the heap.
     *
     * @param dir  a reference-data directory (generated into when it has no version.properties).
     * @param runs number of loads (≥ 1).
     * @param out  the report.
     * @return the figures.
     * @throws IOException            if the directory cannot be created.
     * @throws ReferenceDataException if the region does not load.
     */
    public static Result run(final Path dir, final int runs, final PrintStream out) throws IOException, ReferenceDataException
    {
        if (runs < 1)
        {
            throw new IllegalArgumentException("runs must be >= 1: " + runs);
        }
        if (!Files.exists(dir.resolve("version.properties")))
        {
            final long g0 = System.nanoTime();
            final DemoRegionGenerator.Summary s = DemoRegionGenerator.generate(dir, SEED, Scale.DEMO);
            out.printf("generated the DEMO region in %,d ms: %,d persons, %,d institutions, %,d catalogue rows -> %s%n",
                (System.nanoTime() - g0) / 1_000_000, s.persons(), s.institutions(), s.catalogueRows(), dir);
        }
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        final long baseline = usedAfterGc(memory);
        final long[] wall = new long[runs];
        ReferenceData data = null;
        for (int i = 0; i < runs; i++)
        {
            data = null;
            final long t0 = System.nanoTime();
            data = ReferenceDataLoader.load(dir);
            wall[i] = (System.nanoTime() - t0) / 1_000_000;
            out.printf("load %d: %,d ms%n", i + 1, wall[i]);
        }
        final long used = usedAfterGc(memory);
        final long[] sorted = wall.clone();
        Arrays.sort(sorted);
        final long median = sorted[runs / 2];
        final long max = memory.getHeapMemoryUsage().getMax();
        final Result r = new Result(wall, median, baseline, used, max, data.persons().size());
        out.printf("region %s: %,d persons, %,d institutions, %,d catalogues%n", data.version(), r.persons(),
            data.institutions().size(), data.catalogues().size());
        out.printf("first load %,d ms (a fresh JVM: what a gateway start pays; target <= %,d ms: %s)%n", wall[0], TARGET_MS,
            wall[0] <= TARGET_MS ? "PASS" : "FAIL");
        out.printf("median load %,d ms (target <= %,d ms: %s)%n", median, TARGET_MS, median <= TARGET_MS ? "PASS" : "FAIL");
        out.printf("heap after GC with the data alive: %,d MB (before loading %,d MB; -Xmx %,d MB; target <= 1024 MB: %s)%n",
            used >> 20, baseline >> 20, max >> 20, used <= TARGET_HEAP ? "PASS" : "FAIL");
        return r;
    }

    private static long usedAfterGc(final MemoryMXBean memory)
    {
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}

package io.medgw.loadtest.region;

import io.medgw.loadtest.region.InstitutionWriter.Inst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Writes a complete, valid reference-data directory (docs/reference-data.md) for the demo: three
 * pooling regions in two provinces (盐城 320900 and 南京 320100 in 江苏, 商洛 611000 in 陕西), their
 * catalogues, institutions, insured persons with 认定, 备案 and 共济 bindings, and the 2025 and 2026
 * policies of each region × {310, 390}.
 * <p>
 * Deterministic: the same seed and scale give byte-identical files (one {@link SplittableRandom}
 * split in a fixed order, files written in a fixed order, no hash-order iteration, no clock).
 * <pre>
 *   version.properties  institutions.csv  catalogue.csv  policy_cells.csv  policy_funds.csv
 *   persons.csv  chronic.csv  filings.csv  family_bindings.csv
 * </pre>
 */
public final class DemoRegionGenerator
{
    /** The version id prefix; the seed is appended (demo-2026.1-s42). */
    public static final String VERSION_PREFIX = "demo-2026.1-s";
    /** The date from which the version applies: both policy years are covered. */
    public static final String EFFECTIVE_FROM = "2025-01-01";

    /**
     * What was written.
     *
     * @param version         the version id in version.properties.
     * @param regions         pooling regions (3).
     * @param institutions    rows of institutions.csv.
     * @param catalogueCodes  distinct codes per region.
     * @param catalogueRows   rows of catalogue.csv (some codes have two versions).
     * @param persons         rows of persons.csv.
     * @param chronic         rows of chronic.csv.
     * @param filings         rows of filings.csv.
     * @param bindings        rows of family_bindings.csv.
     * @param policies        policies (region × insutype × year).
     * @param policyCells     rows of policy_cells.csv.
     * @param policyFunds     rows of policy_funds.csv.
     */
    public record Summary(
        String version,
        int regions,
        int institutions,
        int catalogueCodes,
        int catalogueRows,
        int persons,
        int chronic,
        int filings,
        int bindings,
        int policies,
        int policyCells,
        int policyFunds)
    {
    }

    private DemoRegionGenerator()
    {
    }

    /**
     * Writes the demo reference data into {@code dir} (created if missing; the nine files are
     * overwritten, nothing else is touched).
     *
     * @param dir   target directory.
     * @param seed  random seed.
     * @param scale how much to write.
     * @return counts of what was written.
     * @throws UncheckedIOException if a file cannot be written.
     */
    public static Summary generate(final Path dir, final long seed, final Scale scale)
    {
        try
        {
            Files.createDirectories(dir);
            final SplittableRandom root = new SplittableRandom(seed);
            final SplittableRandom catalogueRng = root.split();
            final SplittableRandom institutionRng = root.split();
            final SplittableRandom personRng = root.split();
            final String version = VERSION_PREFIX + seed;
            Files.write(dir.resolve("version.properties"),
                ("version=" + version + "\neffective_from=" + EFFECTIVE_FROM + "\n").getBytes(StandardCharsets.UTF_8));
            // The catalogue is written on its own thread: it shares nothing with the other files and
            // draws from its own split of the seed, so the output does not depend on scheduling.
            final FutureTask<Integer> catalogue = new FutureTask<>(
                () -> CatalogueWriter.write(dir, catalogueRng, scale.catalogueItemsPerRegion()));
            final Thread catalogueThread = new Thread(catalogue, "medgw-demo-catalogue");
            catalogueThread.start();
            final List<Inst> institutions = InstitutionWriter.write(dir, institutionRng, scale.institutions());
            final PolicyWriter.Counts policy = PolicyWriter.write(dir);
            final PersonWriter.Counts persons = PersonWriter.write(dir, personRng, scale.persons(), institutions);
            final int catalogueRows = join(catalogue);
            return new Summary(version, DemoRegions.ALL.size(), institutions.size(), scale.catalogueItemsPerRegion(),
                catalogueRows, persons.persons(), persons.chronic(), persons.filings(), persons.bindings(),
                policy.policies(), policy.cells(), policy.funds());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write demo reference data to " + dir, ex);
        }
    }

    private static int join(final FutureTask<Integer> task) throws IOException
    {
        try
        {
            return task.get();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing catalogue.csv", ex);
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof IOException)
            {
                throw (IOException)ex.getCause();
            }
            throw new IllegalStateException("writing catalogue.csv failed", ex.getCause());
        }
    }
}

package io.medgw.cli;

import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.reference.ReferenceDataException;
import io.medgw.gateway.reference.ReferenceDataLoader;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a reference-data directory for a command, turning every problem into a clear message. */
final class RegionFiles
{
    private RegionFiles()
    {
    }

    /**
     * @param dir the --data directory.
     * @param log where to print the load time.
     * @return the loaded data.
     * @throws Medgw.UsageProblem naming the directory and every bad row (file:line: field: reason).
     */
    static ReferenceData load(final Path dir, final PrintStream log)
    {
        if (!Files.isDirectory(dir))
        {
            throw new Medgw.UsageProblem("--data " + dir + ": no such directory (generate one with: bin/medgw gen-demo --out " + dir + ")");
        }
        final long t0 = System.nanoTime();
        try
        {
            final ReferenceData ref = ReferenceDataLoader.load(dir);
            log.printf("loaded reference data %s from %s in %d ms (%,d persons, %,d institutions)%n",
                ref.version(), dir, (System.nanoTime() - t0) / 1_000_000, ref.persons().size(), ref.institutions().size());
            return ref;
        }
        catch (final ReferenceDataException ex)
        {
            throw new Medgw.UsageProblem(ex.getMessage() + System.lineSeparator() +
                "fix these rows (docs/reference-data.md describes every column) and run again");
        }
    }
}

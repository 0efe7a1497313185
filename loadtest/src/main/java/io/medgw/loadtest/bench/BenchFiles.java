package io.medgw.loadtest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers for the benchmark tools. */
public final class BenchFiles
{
    private BenchFiles()
    {
    }

    /**
     * Deletes a directory and everything in it (nothing if it does not exist).
     *
     * @param dir the directory.
     * @throws UncheckedIOException if a file cannot be deleted.
     */
    public static void deleteTree(final Path dir)
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path p : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(p);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + dir, ex);
        }
    }
}

package io.medgw.gateway.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The tiny valid region under {@code src/test/resources/reference/valid} and ways to spoil a copy
 * of it by physical line (test only). Line numbers are the file's own (header = 1).
 */
final class Fixture
{
    private Fixture()
    {
    }

    /** @return the valid fixture directory (do not modify). */
    static Path valid()
    {
        try
        {
            return Path.of(Fixture.class.getResource("/reference/valid/version.properties").toURI()).getParent();
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** @param into an empty directory. @return it, holding a copy of the valid fixture. */
    static Path copyValid(final Path into)
    {
        try (Stream<Path> files = Files.list(valid()))
        {
            for (final Path f : (Iterable<Path>)files::iterator)
            {
                Files.copy(f, into.resolve(f.getFileName()));
            }
            return into;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** @return the physical lines of a file (a quoted cell may span two). */
    static List<String> lines(final Path dir, final String file)
    {
        try
        {
            return new ArrayList<>(Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Replaces physical line {@code line} (1-based) of a file. */
    static void replaceLine(final Path dir, final String file, final int line, final String content)
    {
        final List<String> lines = lines(dir, file);
        lines.set(line - 1, content);
        write(dir, file, lines);
    }

    /** Replaces one cell of physical line {@code line} (a line without quoted commas). */
    static void replaceCell(final Path dir, final String file, final int line, final String column, final String value)
    {
        final List<String> lines = lines(dir, file);
        final List<String> header = List.of(lines.get(0).split(",", -1));
        final String[] cells = lines.get(line - 1).split(",", -1);
        final int col = header.indexOf(column);
        if (col < 0)
        {
            throw new IllegalArgumentException(column);
        }
        cells[col] = value;
        lines.set(line - 1, String.join(",", cells));
        write(dir, file, lines);
    }

    /** @return physical line {@code line} of a file. */
    static String line(final Path dir, final String file, final int line)
    {
        return lines(dir, file).get(line - 1);
    }

    /** Appends a row. @return its physical line number. */
    static int append(final Path dir, final String file, final String row)
    {
        final List<String> lines = lines(dir, file);
        lines.add(row);
        write(dir, file, lines);
        return lines.size();
    }

    static void delete(final Path dir, final String file)
    {
        try
        {
            Files.delete(dir.resolve(file));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static void write(final Path dir, final String file, final List<String> lines)
    {
        try
        {
            Files.write(dir.resolve(file), lines, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.CREATE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}

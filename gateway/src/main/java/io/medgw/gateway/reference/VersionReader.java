package io.medgw.gateway.reference;

import io.medgw.codec.Dates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code version.properties}: {@code key=value} lines ({@code #} and {@code !} start a comment,
 * blank lines ignored); exactly the keys {@code version} and {@code effective_from} (a date).
 */
final class VersionReader
{
    static final String FILE = "version.properties";
    private static final String VERSION = "version";
    private static final String EFFECTIVE_FROM = "effective_from";

    /** Result. @param version the id, or null if bad @param effectiveFrom epoch day, or Cells.BAD */
    record Result(String version, int effectiveFrom, RowProblems problems)
    {
    }

    private VersionReader()
    {
    }

    static Result read(final Path dir)
    {
        final RowProblems problems = new RowProblems(FILE);
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException ex)
        {
            problems.addFileProblem("missing (this file is required)");
            return new Result(null, Cells.BAD, problems);
        }
        catch (final IOException ex)
        {
            problems.addFileProblem("cannot be read: " + ex);
            return new Result(null, Cells.BAD, problems);
        }
        final Map<String, Integer> seen = new HashMap<>();
        String version = null;
        int effectiveFrom = Cells.BAD;
        for (int i = 0; i < lines.size(); i++)
        {
            final int lineNo = i + 1;
            final String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1).trim() : lines.get(i).trim();
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!')
            {
                continue;
            }
            final int eq = line.indexOf('=');
            if (eq <= 0)
            {
                problems.add(lineNo, "line", line + " is not key=value");
                continue;
            }
            final String key = line.substring(0, eq).trim();
            final String value = line.substring(eq + 1).trim();
            final Integer first = seen.putIfAbsent(key, lineNo);
            if (first != null)
            {
                problems.add(lineNo, key, "duplicates line " + first);
            }
            else if (VERSION.equals(key))
            {
                version = value.isEmpty() ? null : value;
                if (version == null)
                {
                    problems.add(lineNo, key, "required but empty");
                }
            }
            else if (EFFECTIVE_FROM.equals(key))
            {
                effectiveFrom = value.length() == 10 ? Dates.parseDate(value) : Dates.NOT_A_DATE;
                if (effectiveFrom == Dates.NOT_A_DATE)
                {
                    problems.add(lineNo, key, value + " is not a date (yyyy-MM-dd)");
                    effectiveFrom = Cells.BAD;
                }
            }
            else
            {
                problems.add(lineNo, key, "unknown key (expected version and effective_from)");
            }
        }
        if (!seen.containsKey(VERSION))
        {
            problems.addFileProblem("version: missing");
        }
        if (!seen.containsKey(EFFECTIVE_FROM))
        {
            problems.addFileProblem("effective_from: missing");
        }
        return new Result(version, effectiveFrom, problems);
    }
}

package io.medgw.gateway.reference;

import java.nio.file.Path;
import java.util.List;

/**
 * A reference-data directory was refused. Carries every problem found (up to
 * {@link RowProblems#MAX_KEPT} per file; {@link #problemCount()} counts them all), each as
 * {@code file:line: field: reason} (line 1 is the header) or {@code file: reason} for a file as a
 * whole, in file order then line order. The message shows the first {@link #MAX_IN_MESSAGE}.
 */
public final class ReferenceDataException extends Exception
{
    /** Problems shown in {@link #getMessage()}. */
    public static final int MAX_IN_MESSAGE = 50;
    private static final long serialVersionUID = 1L;

    private final transient Path directory;
    private final List<String> problems;
    private final int problemCount;

    /**
     * @param directory    the directory that was refused.
     * @param problems     the problems kept, in report order.
     * @param problemCount how many were found (≥ problems.size()).
     */
    public ReferenceDataException(final Path directory, final List<String> problems, final int problemCount)
    {
        this(directory, problems, problemCount, null);
    }

    /**
     * @param directory    the directory that was refused.
     * @param problems     the problems kept, in report order.
     * @param problemCount how many were found (≥ problems.size()).
     * @param cause        an unexpected failure behind the refusal, or null.
     */
    public ReferenceDataException(final Path directory, final List<String> problems, final int problemCount, final Throwable cause)
    {
        super(message(directory, problems, problemCount), cause);
        this.directory = directory;
        this.problems = List.copyOf(problems);
        this.problemCount = Math.max(problemCount, problems.size());
    }

    private static String message(final Path directory, final List<String> problems, final int problemCount)
    {
        final int count = Math.max(problemCount, problems.size());
        final StringBuilder sb = new StringBuilder(256)
            .append("reference data in ").append(directory).append(" refused: ")
            .append(count).append(count == 1 ? " problem" : " problems");
        final int shown = Math.min(MAX_IN_MESSAGE, problems.size());
        for (int i = 0; i < shown; i++)
        {
            sb.append("\n  ").append(problems.get(i));
        }
        if (count > shown)
        {
            sb.append("\n  ... and ").append(count - shown).append(" more");
        }
        return sb.toString();
    }

    /** @return the refused directory. */
    public Path directory()
    {
        return directory;
    }

    /** @return the problems kept (unmodifiable), in file then line order. */
    public List<String> problems()
    {
        return problems;
    }

    /** @return how many problems were found in all (may exceed {@code problems().size()}). */
    public int problemCount()
    {
        return problemCount;
    }
}

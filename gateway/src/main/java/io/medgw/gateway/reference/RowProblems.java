package io.medgw.gateway.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The problems found in one reference file, each {@code file:line: field: reason} (or
 * {@code file: reason} for the file as a whole). Keeps the first {@link #MAX_KEPT} and counts the
 * rest, so a file that is wrong on every row cannot exhaust the heap. Used by one thread at a time
 * (the loader's task for the file, then the loader's cross-file checks after that task finished).
 */
final class RowProblems
{
    /** Problems kept per file; the rest are only counted. */
    static final int MAX_KEPT = 1_000;

    private final String file;
    private final List<Entry> kept = new ArrayList<>();
    private int count;
    private boolean read;

    private record Entry(int line, int seq, String text)
    {
    }

    RowProblems(final String file)
    {
        this.file = file;
    }

    String file()
    {
        return file;
    }

    /** Marks the file as present with a usable header (its rows were read). */
    void markRead()
    {
        read = true;
    }

    /** @return true if the file's rows were read (so references to it can be checked). */
    boolean wasRead()
    {
        return read;
    }

    /** @return problems found so far (kept or not). */
    int count()
    {
        return count;
    }

    /**
     * @param line   physical line (header is 1).
     * @param field  column or key concerned.
     * @param reason what is wrong, in words an agency clerk can act on.
     */
    void add(final int line, final String field, final String reason)
    {
        count++;
        if (kept.size() < MAX_KEPT)
        {
            kept.add(new Entry(line, kept.size(), file + ':' + line + ": " + field + ": " + reason));
        }
    }

    /** @param reason a problem with the file as a whole (missing, unreadable). */
    void addFileProblem(final String reason)
    {
        count++;
        if (kept.size() < MAX_KEPT)
        {
            kept.add(new Entry(0, kept.size(), file + ": " + reason));
        }
    }

    /** @param out receives the kept problems in line order (stable for one line). */
    void drainTo(final List<String> out)
    {
        final Entry[] entries = kept.toArray(new Entry[0]);
        Arrays.sort(entries, (a, b) -> a.line != b.line ? Integer.compare(a.line, b.line) : Integer.compare(a.seq, b.seq));
        for (final Entry e : entries)
        {
            out.add(e.text);
        }
    }
}

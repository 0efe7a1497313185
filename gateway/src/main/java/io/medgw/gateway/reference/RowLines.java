package io.medgw.gateway.reference;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The rows kept from a file, in file order, with their lines: for messages that name the line of
 * an earlier row ("duplicates line 7"). The row → line map is built only when a message first
 * needs it, so a clean load pays for two arrays, not a second 200,000-entry hash map. One thread.
 *
 * @param <T> the row's object (compared by identity).
 */
final class RowLines<T>
{
    private Object[] rows;
    private int[] lines;
    private int size;
    private Map<T, Integer> byRow;

    RowLines(final int expected)
    {
        rows = new Object[Math.max(16, expected)];
        lines = new int[rows.length];
    }

    void add(final T row, final int line)
    {
        if (size == rows.length)
        {
            rows = Arrays.copyOf(rows, size * 2);
            lines = Arrays.copyOf(lines, size * 2);
        }
        rows[size] = row;
        lines[size++] = line;
        if (byRow != null)
        {
            byRow.put(row, line);
        }
    }

    int size()
    {
        return size;
    }

    @SuppressWarnings("unchecked")
    T row(final int i)
    {
        return (T)rows[i];
    }

    int line(final int i)
    {
        return lines[i];
    }

    /** @param row a row added before (the same object). @return its line, or -1. */
    int lineOf(final T row)
    {
        if (byRow == null)
        {
            byRow = new IdentityHashMap<>(size * 2);
            for (int i = 0; i < size; i++)
            {
                byRow.put(row(i), lines[i]);
            }
        }
        final Integer line = byRow.get(row);
        return line == null ? -1 : line;
    }
}

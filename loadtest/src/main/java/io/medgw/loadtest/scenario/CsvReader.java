package io.medgw.loadtest.scenario;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, fast reader for the reference-data CSV files (RFC 4180: a header row, {@code ,}
 * separators, {@code "} quoting with {@code ""} escapes, quoted line breaks; blank lines skipped).
 * Much faster than a general parser on the 200,000-row persons file; the gateway's own loader
 * remains the validator.
 */
final class CsvReader implements Closeable
{
    private final BufferedReader in;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> cells = new ArrayList<>(32);
    private final StringBuilder cell = new StringBuilder(64);
    private final String file;
    private int line;

    CsvReader(final Path path) throws IOException
    {
        this.file = path.getFileName().toString();
        this.in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        if (!next())
        {
            throw new IOException(file + ": no header row");
        }
        for (int i = 0; i < cells.size(); i++)
        {
            columns.put(cells.get(i), i);
        }
    }

    /** @param name a header name. @return its index. @throws IOException if the file lacks the column. */
    int column(final String name) throws IOException
    {
        final Integer i = columns.get(name);
        if (i == null)
        {
            throw new IOException(file + ": no column " + name);
        }
        return i;
    }

    /** @return true if a row was read into {@link #get(int)}. @throws IOException on a read failure or short row. */
    boolean next() throws IOException
    {
        String text;
        do
        {
            text = in.readLine();
            line++;
            if (text == null)
            {
                return false;
            }
        }
        while (text.isEmpty());
        cells.clear();
        cell.setLength(0);
        boolean quoted = false;
        while (true)
        {
            for (int i = 0; i < text.length(); i++)
            {
                final char c = text.charAt(i);
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"')
                    {
                        cell.append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        cell.append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    cells.add(cell.toString());
                    cell.setLength(0);
                }
                else
                {
                    cell.append(c);
                }
            }
            if (!quoted)
            {
                break;
            }
            text = in.readLine();
            line++;
            if (text == null)
            {
                throw new IOException(file + ":" + line + ": unterminated quote");
            }
            cell.append('\n');
        }
        cells.add(cell.toString());
        if (!columns.isEmpty() && cells.size() != columns.size())
        {
            throw new IOException(file + ":" + line + ": " + cells.size() + " cells, the header has " + columns.size());
        }
        return true;
    }

    /** @param column index from {@link #column(String)}. @return the cell of the current row. */
    String get(final int column)
    {
        return cells.get(column);
    }

    @Override
    public void close() throws IOException
    {
        in.close();
    }
}

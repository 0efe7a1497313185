package io.medgw.loadtest.region;

import io.medgw.codec.Dates;
import io.medgw.codec.Decimals;
import io.medgw.codec.Units;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one reference-data CSV file (docs/reference-data.md): UTF-8, a header row, {@code \n}
 * line ends, RFC 4180 quoting only where a cell needs it. A row is built in a reused
 * {@link StringBuilder} and written once; numbers are formatted without {@code String.format}.
 */
final class CsvOut implements Closeable
{
    private static final int BUFFER = 1 << 16;

    private final BufferedWriter out;
    private final StringBuilder row = new StringBuilder(512);
    private boolean firstCell = true;
    private int rows;

    private CsvOut(final BufferedWriter out)
    {
        this.out = out;
    }

    /**
     * @param file   the file to (over)write.
     * @param header the header cells.
     * @return a writer positioned after the header row.
     * @throws IOException if the file cannot be written.
     */
    static CsvOut open(final Path file, final String... header) throws IOException
    {
        final BufferedWriter w = new BufferedWriter(
            new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), BUFFER);
        final CsvOut csv = new CsvOut(w);
        for (final String h : header)
        {
            csv.text(h);
        }
        csv.end();
        csv.rows = 0;
        return csv;
    }

    /** @return data rows written so far (the header not counted). */
    int rows()
    {
        return rows;
    }

    private StringBuilder cell()
    {
        if (!firstCell)
        {
            row.append(',');
        }
        firstCell = false;
        return row;
    }

    /** @param s text, null or empty for an empty cell. @return this */
    CsvOut text(final String s)
    {
        final StringBuilder b = cell();
        if (s == null || s.isEmpty())
        {
            return this;
        }
        if (needsQuotes(s))
        {
            b.append('"');
            for (int i = 0; i < s.length(); i++)
            {
                final char c = s.charAt(i);
                if (c == '"')
                {
                    b.append('"');
                }
                b.append(c);
            }
            b.append('"');
        }
        else
        {
            b.append(s);
        }
        return this;
    }

    /** @return this, with an empty cell. */
    CsvOut empty()
    {
        cell();
        return this;
    }

    /** @param v an integer. @return this */
    CsvOut num(final long v)
    {
        cell().append(v);
        return this;
    }

    /** @param flag a flag. @return this, with {@code 1} or {@code 0}. */
    CsvOut flag(final boolean flag)
    {
        cell().append(flag ? '1' : '0');
        return this;
    }

    /** @param fen money in fen. @return this, with yuan at 2 decimals. */
    CsvOut money(final long fen)
    {
        Decimals.append(cell(), fen, 2);
        return this;
    }

    /** @param fen a cap in fen or {@link Units#NO_CAP}. @return this, empty for no cap. */
    CsvOut cap(final long fen)
    {
        return fen == Units.NO_CAP ? empty() : money(fen);
    }

    /** @param bp a ratio in basis points (may be negative). @return this, as a decimal such as {@code 0.85}. */
    CsvOut ratio(final int bp)
    {
        appendTrimmed(cell(), bp, 4);
        return this;
    }

    /** @param micro a unit price in micro-yuan, or {@link Units#NO_CAP}. @return this, empty for none. */
    CsvOut price(final long micro)
    {
        if (micro == Units.NO_CAP)
        {
            return empty();
        }
        appendTrimmed(cell(), micro, 6);
        return this;
    }

    /** @param epochDay a date. @return this, as {@code yyyy-MM-dd}. */
    CsvOut date(final int epochDay)
    {
        Dates.appendDate(cell(), epochDay);
        return this;
    }

    /** @param epochDay a date, or {@link Days#OPEN} for an open end. @return this, empty when open. */
    CsvOut endDate(final int epochDay)
    {
        return epochDay == Days.OPEN ? empty() : date(epochDay);
    }

    /** @param localEpochSecond a date-time. @return this, as {@code yyyy-MM-dd HH:mm:ss}. */
    CsvOut dateTime(final long localEpochSecond)
    {
        Dates.appendDateTime(cell(), localEpochSecond);
        return this;
    }

    /**
     * Ends the row and writes it.
     *
     * @throws IOException if the write fails.
     */
    void end() throws IOException
    {
        row.append('\n');
        out.append(row);
        row.setLength(0);
        firstCell = true;
        rows++;
    }

    @Override
    public void close() throws IOException
    {
        out.close();
    }

    /**
     * Appends a scaled value as a decimal without trailing zeros ({@code 8500} at scale 4 →
     * {@code 0.85}; {@code 25000000} at scale 6 → {@code 25}).
     *
     * @param b     target.
     * @param value scaled value.
     * @param scale its scale.
     * @return b.
     */
    static StringBuilder appendTrimmed(final StringBuilder b, final long value, final int scale)
    {
        final int start = b.length();
        Decimals.append(b, value, scale);
        if (scale == 0)
        {
            return b;
        }
        int end = b.length();
        while (end > start && b.charAt(end - 1) == '0')
        {
            end--;
        }
        if (end > start && b.charAt(end - 1) == '.')
        {
            end--;
        }
        b.setLength(end);
        return b;
    }

    private static boolean needsQuotes(final String s)
    {
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r')
            {
                return true;
            }
        }
        return s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ';
    }
}

package io.medgw.gateway.reference;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * A cursor over the data rows of one reference CSV file (commons-csv {@code DEFAULT}: RFC 4180,
 * comma, `"` quotes; spaces around a cell are ignored). The header row is matched by name against the columns the
 * file must have, in any order: a missing, unknown or repeated column is reported on line 1.
 * {@link #next()} skips blank lines and refuses rows with the wrong number of cells; {@link #line()}
 * is the physical line the row starts on (the header is line 1). Cells are addressed by the
 * caller's column index, not the file's. A UTF-8 byte-order mark is ignored. One thread.
 */
final class CsvRows implements AutoCloseable
{
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
        .setIgnoreEmptyLines(false)
        .get();
    private static final int BUFFER_CHARS = 1 << 16;

    private final String[] columns;
    private final RowProblems problems;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int[] fileIndex;
    private final long fileBytes;
    private int headerCells;
    private int line;
    private long lastEndLine;
    private CSVRecord record;

    private CsvRows(final String[] columns, final RowProblems problems, final CSVParser parser, final long fileBytes)
    {
        this.fileBytes = fileBytes;
        this.columns = columns;
        this.problems = problems;
        this.parser = parser;
        this.records = parser.iterator();
        this.fileIndex = new int[columns.length];
    }

    /**
     * Opens a file and checks its header.
     *
     * @param dir      the reference-data directory.
     * @param columns  the columns the file must have (the caller's indexes).
     * @param optional true if an absent file means "no rows".
     * @param problems where to report, named after the file.
     * @return the cursor, or null if the file is absent (reported unless optional) or its header is unusable.
     */
    static CsvRows open(final Path dir, final String[] columns, final boolean optional, final RowProblems problems)
    {
        final Path path = dir.resolve(problems.file());
        final CsvRows rows;
        try
        {
            final long bytes = Files.size(path);
            final var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
            final BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(path), decoder), BUFFER_CHARS);
            skipByteOrderMark(reader);
            rows = new CsvRows(columns, problems, CSVParser.builder().setReader(reader).setFormat(FORMAT).get(), bytes);
        }
        catch (final NoSuchFileException ex)
        {
            if (!optional)
            {
                problems.addFileProblem("missing (this file is required)");
            }
            return null;
        }
        catch (final IOException | UncheckedIOException ex)
        {
            problems.addFileProblem("cannot be read: " + ex);
            return null;
        }
        if (!rows.readHeader())
        {
            rows.close();
            return null;
        }
        problems.markRead();
        return rows;
    }

    /**
     * @param bytesPerRow a typical row's size.
     * @return an estimate of the rows in the file, to size maps so they do not rehash while loading.
     */
    int expectedRows(final int bytesPerRow)
    {
        return (int)Math.min(1 << 26, Math.max(16, fileBytes / bytesPerRow));
    }

    private static void skipByteOrderMark(final BufferedReader reader) throws IOException
    {
        reader.mark(1);
        if (reader.read() != '\uFEFF')
        {
            reader.reset();
        }
    }

    private boolean readHeader()
    {
        final CSVRecord header = nextRecord();
        if (header == null)
        {
            if (problems.count() == 0)
            {
                problems.add(1, "header", "missing (the file is empty)");
            }
            return false;
        }
        line = 1;
        headerCells = header.size();
        java.util.Arrays.fill(fileIndex, -1);
        for (int i = 0; i < headerCells; i++)
        {
            final String name = trim(header.get(i));
            final int col = columnOf(name);
            if (col < 0)
            {
                problems.add(1, name.isEmpty() ? "column " + (i + 1) : name, "unknown column");
            }
            else if (fileIndex[col] >= 0)
            {
                problems.add(1, name, "duplicate column");
            }
            else
            {
                fileIndex[col] = i;
            }
        }
        boolean complete = true;
        for (int c = 0; c < columns.length; c++)
        {
            if (fileIndex[c] < 0)
            {
                problems.add(1, columns[c], "missing column");
                complete = false;
            }
        }
        return complete; // unknown or repeated columns are reported, but the rows can still be read
    }

    private int columnOf(final String name)
    {
        for (int c = 0; c < columns.length; c++)
        {
            if (columns[c].equals(name))
            {
                return c;
            }
        }
        return -1;
    }

    /** @return true when positioned on the next data row with the right number of cells. */
    boolean next()
    {
        while (true)
        {
            final CSVRecord r = nextRecord();
            if (r == null)
            {
                record = null;
                return false;
            }
            if (r.size() == 1 && trim(r.get(0)).isEmpty())
            {
                continue; // blank line
            }
            if (r.size() != headerCells)
            {
                problems.add(line, "row", r.size() + " cells, but the header has " + headerCells);
                continue;
            }
            record = r;
            return true;
        }
    }

    private CSVRecord nextRecord()
    {
        try
        {
            if (!records.hasNext())
            {
                return null;
            }
            final CSVRecord r = records.next();
            line = (int)lastEndLine + 1;
            lastEndLine = parser.getCurrentLineNumber();
            return r;
        }
        catch (final UncheckedIOException ex)
        {
            final Throwable cause = ex.getCause();
            final String what = cause instanceof CharacterCodingException ? "is not valid UTF-8" :
                "is not valid CSV (" + (cause == null ? ex.getMessage() : cause.getMessage()) + ")";
            problems.add((int)lastEndLine + 1, "row", "the file " + what + "; the rest of the file was not read");
            return null;
        }
        catch (final IllegalStateException ex)
        {
            problems.add((int)lastEndLine + 1, "row", "the file is not valid CSV (" + ex.getMessage() + "); the rest was not read");
            return null;
        }
    }

    /** @return the physical line the current row starts on. */
    int line()
    {
        return line;
    }

    /** @param col a column index. @return its name. */
    String column(final int col)
    {
        return columns[col];
    }

    /** @param col a column index. @return the trimmed cell, "" when empty (never null). */
    String text(final int col)
    {
        return trim(record.get(fileIndex[col]));
    }

    // String.trim() costs a scan of every cell; most cells have nothing to trim.
    private static String trim(final String v)
    {
        final int n = v.length();
        return n > 0 && (v.charAt(0) <= ' ' || v.charAt(n - 1) <= ' ') ? v.trim() : v;
    }

    /** @param col a column index. @return true if the cell is empty. */
    boolean isEmpty(final int col)
    {
        return text(col).isEmpty();
    }

    /** @param col a column index. @return the cell, or null (reported) when empty. */
    String required(final int col)
    {
        final String v = text(col);
        if (v.isEmpty())
        {
            problem(col, "required but empty");
            return null;
        }
        return v;
    }

    /** Reports a problem with a cell of the current row. @param col column @param reason reason */
    void problem(final int col, final String reason)
    {
        problems.add(line, columns[col], reason);
    }

    /** @return problems reported so far for this file (to tell whether a row was clean). */
    int problemCount()
    {
        return problems.count();
    }

    @Override
    public void close()
    {
        try
        {
            parser.close();
        }
        catch (final IOException ex)
        {
            // read-only file: nothing was lost
        }
    }
}

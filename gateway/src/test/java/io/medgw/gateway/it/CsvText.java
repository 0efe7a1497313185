package io.medgw.gateway.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One CSV file being built: a header, rows, RFC 4180 quoting where a cell needs it. Test only. */
final class CsvText
{
    private final StringBuilder text = new StringBuilder(4096);

    /** @param header the header row, comma-separated. */
    CsvText(final String header)
    {
        text.append(header).append('\n');
    }

    /** @param cells one row's cells, in header order. */
    void row(final String... cells)
    {
        for (int i = 0; i < cells.length; i++)
        {
            if (i > 0)
            {
                text.append(',');
            }
            final String c = cells[i];
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0)
            {
                text.append('"').append(c.replace("\"", "\"\"")).append('"');
            }
            else
            {
                text.append(c);
            }
        }
        text.append('\n');
    }

    /** @param file written (UTF-8), replacing what is there. */
    void writeTo(final Path file) throws IOException
    {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}

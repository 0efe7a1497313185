package io.medgw.gateway.recon;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP containers of the reconciliation files (java.util.zip): a single text entry in, a single
 * text entry out. Off the hot path; allocates.
 */
public final class ZipFiles
{
    private ZipFiles()
    {
    }

    /**
     * @param entryName the entry's name ({@code 3202 result.txt}).
     * @param content   its bytes.
     * @param localEpochSec the entry's time (makes the bytes a function of the inputs).
     * @return the ZIP bytes.
     */
    public static byte[] zip(final String entryName, final byte[] content, final long localEpochSec)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 4 + 256);
        try (ZipOutputStream zip = new ZipOutputStream(out))
        {
            final ZipEntry entry = new ZipEntry(entryName);
            entry.setTimeLocal(LocalDateTime.ofEpochSecond(Math.max(localEpochSec, 315_532_800L), 0, ZoneOffset.UTC));
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * @param bytes a ZIP (the first file entry is read), or plain text (returned as is).
     * @param maxBytes the largest content accepted (a guard against ZIP bombs).
     * @return the content.
     * @throws IOException when the ZIP is damaged, empty, or its content exceeds {@code maxBytes}.
     */
    public static byte[] firstEntry(final byte[] bytes, final long maxBytes) throws IOException
    {
        if (!isZip(bytes))
        {
            return bytes;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes)))
        {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null)
            {
                if (entry.isDirectory())
                {
                    continue;
                }
                final ByteArrayOutputStream out = new ByteArrayOutputStream();
                final byte[] buffer = new byte[8192];
                int n;
                while ((n = zip.read(buffer)) > 0)
                {
                    if (out.size() + (long)n > maxBytes)
                    {
                        throw new IOException("content larger than " + maxBytes + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            }
        }
        throw new IOException("the ZIP holds no file");
    }

    /** @param bytes content. @return true when it starts with a ZIP local file header. */
    public static boolean isZip(final byte[] bytes)
    {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }
}

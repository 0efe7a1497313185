package io.medgw.ledger.snapshot;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The few value encodings every snapshot payload shares, on top of {@link DataOutput}'s
 * fixed-width primitives: strings that may be null or longer than {@code writeUTF} allows, byte
 * arrays, and counts. Big-endian, as {@link DataOutput} writes.
 * <pre>
 *   string   int length (-1: null), then that many UTF-8 bytes
 *   bytes    int length (-1: null), then the bytes
 *   count    int, checked on read against {@link #MAX_COUNT}
 * </pre>
 * Static and stateless: any thread.
 */
public final class SnapshotData
{
    /** Largest collection size or string length a reader accepts (a damaged file fails fast). */
    public static final int MAX_COUNT = 1 << 30;

    private SnapshotData()
    {
    }

    /**
     * @param out the payload.
     * @param s   a string, or null.
     * @throws IOException when writing fails.
     */
    public static void writeString(final DataOutput out, final String s) throws IOException
    {
        if (s == null)
        {
            out.writeInt(-1);
            return;
        }
        final byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /**
     * @param in the payload.
     * @return the string written by {@link #writeString}, or null.
     * @throws IOException when reading fails or the length is impossible.
     */
    public static String readString(final DataInput in) throws IOException
    {
        final byte[] b = readBytes(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /**
     * @param out the payload.
     * @param b   bytes, or null.
     * @throws IOException when writing fails.
     */
    public static void writeBytes(final DataOutput out, final byte[] b) throws IOException
    {
        if (b == null)
        {
            out.writeInt(-1);
            return;
        }
        out.writeInt(b.length);
        out.write(b);
    }

    /**
     * @param in the payload.
     * @return the bytes written by {@link #writeBytes}, or null.
     * @throws IOException when reading fails or the length is impossible.
     */
    public static byte[] readBytes(final DataInput in) throws IOException
    {
        final int n = in.readInt();
        if (n == -1)
        {
            return null;
        }
        final byte[] b = new byte[checkCount(n)];
        in.readFully(b);
        return b;
    }

    /**
     * @param in the payload.
     * @return a collection size written with {@code writeInt}.
     * @throws IOException when reading fails or the count is negative or too large.
     */
    public static int readCount(final DataInput in) throws IOException
    {
        return checkCount(in.readInt());
    }

    /**
     * @param in       the payload.
     * @param expected the tag the writer put here.
     * @param what     names the section in the error.
     * @throws IOException when the tag differs (the payload is not what this reader expects).
     */
    public static void expectTag(final DataInput in, final int expected, final String what) throws IOException
    {
        final int tag = in.readInt();
        if (tag != expected)
        {
            throw new IOException("snapshot section " + what + ": expected tag 0x" + Integer.toHexString(expected) +
                ", found 0x" + Integer.toHexString(tag));
        }
    }

    private static int checkCount(final int n) throws IOException
    {
        if (n < 0 || n > MAX_COUNT)
        {
            throw new IOException("snapshot count or length out of range: " + n);
        }
        return n;
    }
}

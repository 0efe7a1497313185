package io.medgw.gateway.state;

import java.util.Arrays;

/**
 * A list of {@code long}s packed as zig-zag LEB128 varints: a settlement's 30-odd amounts are mostly
 * zero or a few thousand fen, so they take one to four bytes each instead of eight (a million kept
 * settlements are a million of these; see {@link SettlementRecord}). {@link #add} appends to a
 * reusable scratch buffer, {@link #toBytes} copies out the packed bytes, {@link Cursor} reads them
 * back in order. One instance per thread.
 */
final class PackedLongs
{
    private byte[] buf = new byte[256];
    private int length;

    /** Empties the scratch buffer. @return this. */
    PackedLongs reset()
    {
        length = 0;
        return this;
    }

    /** @param v a value. @return this. */
    PackedLongs add(final long v)
    {
        if (length + 10 > buf.length)
        {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0)
        {
            buf[length++] = (byte)((z & 0x7F) | 0x80);
            z >>>= 7;
        }
        buf[length++] = (byte)z;
        return this;
    }

    /** @return a copy of the packed bytes (allocates: this is what is kept). */
    byte[] toBytes()
    {
        return Arrays.copyOf(buf, length);
    }

    /** Reads packed values back in the order they were added. */
    static final class Cursor
    {
        private final byte[] bytes;
        private int pos;

        Cursor(final byte[] bytes)
        {
            this.bytes = bytes;
        }

        /** @return the next value. */
        long next()
        {
            long z = 0;
            int shift = 0;
            byte b;
            do
            {
                b = bytes[pos++];
                z |= (long)(b & 0x7F) << shift;
                shift += 7;
            }
            while (b < 0);
            return (z >>> 1) ^ -(z & 1);
        }
    }
}

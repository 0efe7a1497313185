package io.medgw.codec.request;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Decodes base64 text the way Jackson's default variant (MIME-NO-LINEFEEDS) did for
 * {@code fsUploadIn.in}, so the same uploads are accepted and refused: whitespace only between
 * quads, padding required, no line feeds inside a quad. Off the hot path (9101 only): allocates.
 * Single-threaded.
 */
final class Base64Text
{
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final int PADDING = -2;
    private static final int[] VALUES = new int[128];

    static
    {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++)
        {
            VALUES[ALPHABET.charAt(i)] = i;
        }
        VALUES['='] = PADDING;
    }

    private String problem;

    /** @return why the last {@link #decode} returned null. */
    String problem()
    {
        return problem;
    }

    /** @return the bytes, or null (see {@link #problem()}) when {@code t[0, len)} is not valid base64. */
    byte[] decode(final char[] t, final int len)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(len * 3 / 4 + 3);
        int p = 0;
        while (true)
        {
            char c;
            do
            {
                if (p >= len)
                {
                    return out.toByteArray();
                }
                c = t[p++];
            }
            while (c <= ' ');
            int bits = value(c);
            if (bits < 0)
            {
                return invalid(c, 0, null);
            }
            int data = bits;
            if (p >= len)
            {
                return eof();
            }
            c = t[p++];
            bits = value(c);
            if (bits < 0)
            {
                return invalid(c, 1, null);
            }
            data = (data << 6) | bits;
            if (p >= len)
            {
                return eof();
            }
            c = t[p++];
            bits = value(c);
            if (bits < 0)
            {
                if (bits != PADDING)
                {
                    return invalid(c, 2, null);
                }
                if (p >= len)
                {
                    return eof();
                }
                c = t[p++];
                if (c != '=')
                {
                    return invalid(c, 3, "expected padding character '='");
                }
                out.write(data >> 4);
                continue;
            }
            data = (data << 6) | bits;
            if (p >= len)
            {
                return eof();
            }
            c = t[p++];
            bits = value(c);
            if (bits < 0)
            {
                if (bits != PADDING)
                {
                    return invalid(c, 3, null);
                }
                data >>= 2;
                out.write(data >> 8);
                out.write(data);
            }
            else
            {
                data = (data << 6) | bits;
                out.write(data >> 16);
                out.write(data >> 8);
                out.write(data);
            }
        }
    }

    private static int value(final char c)
    {
        return c < 128 ? VALUES[c] : -1;
    }

    private byte[] eof()
    {
        problem = "Unexpected end of base64-encoded String: base64 variant 'MIME-NO-LINEFEEDS' expects padding " +
            "(one or more '=' characters) at the end. This Base64Variant might have been incorrectly configured";
        return null;
    }

    private byte[] invalid(final char c, final int index, final String why)
    {
        final String base = c <= ' ' ? "Illegal white space character (code 0x" + Integer.toHexString(c) + ") as character #" +
            (index + 1) + " of 4-char base64 unit: can only used between units" :
            "Illegal character '" + c + "' (code 0x" + Integer.toHexString(c) + ") in base64 content";
        problem = why == null ? base : base + ": " + why;
        return null;
    }
}

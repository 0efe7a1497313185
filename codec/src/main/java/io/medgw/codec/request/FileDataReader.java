package io.medgw.codec.request;

import io.medgw.codec.ErrorCode;

import java.util.Arrays;

/**
 * Reads 9101's {@code fsUploadIn.in} (the file's bytes). The encoding is unconfirmed
 * (national-interface.md §1.6), so both forms clients produce are accepted: base64 text (what
 * Jackson, fastjson and Newtonsoft write for a byte array) and a JSON array of byte values
 * (-128..255). Off the hot path: allocates the result. Single-threaded.
 */
final class FileDataReader
{
    private final DecodeStatus status;
    private final BodyHasher h;
    private final Base64Text base64 = new Base64Text();
    private byte[] buffer = new byte[256];

    FileDataReader(final DecodeStatus status, final BodyHasher hasher)
    {
        this.status = status;
        this.h = hasher;
    }

    /**
     * @param s scanner just after the value.
     * @param t its token.
     * @param node the node name, for messages.
     * @return the bytes, or null (with an error kept) when the value is neither form.
     * @throws JsonSyntaxException on malformed JSON or base64 (malformed JSON, as Jackson reported it).
     */
    byte[] read(final JsonScanner s, final int t, final String node) throws JsonSyntaxException
    {
        if (t == JsonScanner.STRING)
        {
            h.chars(s.text(), 0, s.textLength());
            final byte[] bytes = base64.decode(s.text(), s.textLength());
            if (bytes == null)
            {
                throw s.here("Failed to decode VALUE_STRING as base64 (MIME-NO-LINEFEEDS): " + base64.problem());
            }
            return bytes;
        }
        if (t != JsonScanner.ARRAY)
        {
            fail(node);
            h.value(s, t);
            return null;
        }
        long accA = BodyHasher.arrayStartA();
        long accB = BodyHasher.arrayStartB();
        int n = 0;
        boolean bad = false;
        int et;
        while ((et = s.nextElement()) != JsonScanner.END)
        {
            final long v = et == JsonScanner.NUMBER && s.isInteger() ? intValue(s.text(), s.textLength()) : Long.MIN_VALUE;
            // Kept from the Jackson decoder: an integer beyond int range was read as 0, not refused.
            if (v < -128 || v > 255)
            {
                bad = true;
                h.value(s, et);
            }
            else
            {
                h.number(v);
            }
            if (n == buffer.length)
            {
                buffer = Arrays.copyOf(buffer, n * 2);
            }
            buffer[n++] = (byte)(v == Long.MIN_VALUE ? 0 : v);
            accA = h.stepA(accA);
            accB = h.stepB(accB);
        }
        h.finishArray(accA, accB, n);
        if (bad)
        {
            fail(node);
            return null;
        }
        return Arrays.copyOf(buffer, n);
    }

    /** @return the integer's value when it fits an int (what Jackson read as INT), else 0 (what it read then). */
    private static long intValue(final char[] t, final int len)
    {
        if (len > 11)
        {
            return 0;
        }
        final boolean negative = t[0] == '-';
        long v = 0;
        for (int i = negative ? 1 : 0; i < len; i++)
        {
            v = v * 10 + (t[i] - '0');
        }
        v = negative ? -v : v;
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? 0 : v;
    }

    private void fail(final String node)
    {
        status.fail(DecodeStatus.INPUT, ErrorCode.E5001, node + ".in must be base64 text or an array of byte values");
    }
}

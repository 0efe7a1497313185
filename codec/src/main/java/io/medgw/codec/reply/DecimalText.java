package io.medgw.codec.reply;

/**
 * Formats a scaled integer as decimal text into a byte scratch, the text of
 * {@link io.medgw.codec.Decimals#format(long, int, char[], int)} (exactly {@code scale} decimals,
 * leading {@code 0.} when needed): the reply's amounts, prices, ratios and counts. Written from
 * the right; two digits per division in int arithmetic when the value fits an int (every amount of
 * a settlement), digit by digit in long arithmetic otherwise. Stateless.
 */
final class DecimalText
{
    /** "00".."99". */
    private static final byte[] PAIRS = new byte[200];
    private static final int[] POW10 = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000 };

    static
    {
        for (int i = 0; i < 100; i++)
        {
            PAIRS[2 * i] = (byte)('0' + i / 10);
            PAIRS[2 * i + 1] = (byte)('0' + i % 10);
        }
    }

    private DecimalText()
    {
    }

    /**
     * Writes the text straight to {@code out[at, at + length)} (no scratch copy) when the value
     * fits an int; otherwise through {@code scratch}.
     *
     * @param value   the scaled value (any long).
     * @param scale   decimals (0..18).
     * @param out     where to write; needs 40 bytes of room from {@code at}.
     * @param at      first byte.
     * @param scratch at least 40 bytes, for values beyond an int.
     * @return the number of bytes written.
     */
    static int write(final long value, final int scale, final byte[] out, final int at, final byte[] scratch)
    {
        if (value <= -Integer.MAX_VALUE || value >= Integer.MAX_VALUE || scale > 9)
        {
            final int pos = format(value, scale, scratch);
            final int n = scratch.length - pos;
            System.arraycopy(scratch, pos, out, at, n);
            return n;
        }
        int v = Math.abs((int)value);
        int digits = 1;
        while (digits < 10 && v >= POW10[digits])
        {
            digits++;
        }
        final int length = (value < 0 ? 1 : 0) + Math.max(1, digits - scale) + (scale > 0 ? scale + 1 : 0);
        int pos = at + length;
        int fraction = scale;
        while (fraction >= 2)
        {
            final int pair = v % 100;
            v /= 100;
            out[--pos] = PAIRS[2 * pair + 1];
            out[--pos] = PAIRS[2 * pair];
            fraction -= 2;
        }
        if (fraction == 1)
        {
            out[--pos] = (byte)('0' + v % 10);
            v /= 10;
        }
        if (scale > 0)
        {
            out[--pos] = '.';
        }
        do
        {
            out[--pos] = (byte)('0' + v % 10);
            v /= 10;
        }
        while (v != 0);
        if (value < 0)
        {
            out[--pos] = '-';
        }
        return length;
    }

    /**
     * @param value the scaled value (any long).
     * @param scale decimals (0..18).
     * @param d     scratch of at least 40 bytes; the text ends at {@code d.length}.
     * @return the index of the text's first byte.
     */
    static int format(final long value, final int scale, final byte[] d)
    {
        int pos = d.length;
        if (value > -Integer.MAX_VALUE && value < Integer.MAX_VALUE)
        {
            int v = Math.abs((int)value);
            int fraction = scale;
            while (fraction >= 2)
            {
                final int pair = v % 100;
                v /= 100;
                d[--pos] = PAIRS[2 * pair + 1];
                d[--pos] = PAIRS[2 * pair];
                fraction -= 2;
            }
            if (fraction == 1)
            {
                d[--pos] = (byte)('0' + v % 10);
                v /= 10;
            }
            if (scale > 0)
            {
                d[--pos] = '.';
            }
            do
            {
                d[--pos] = (byte)('0' + v % 10);
                v /= 10;
            }
            while (v != 0);
        }
        else
        {
            pos = wide(d, value, scale);
        }
        if (value < 0)
        {
            d[--pos] = '-';
        }
        return pos;
    }

    /** Any long at any scale, digit by digit (never on a settlement's amounts). @return the first digit's index */
    private static int wide(final byte[] d, final long value, final int scale)
    {
        int pos = d.length;
        long q = value > 0 ? -value : value; // non-positive: Long.MIN_VALUE has no positive twin
        int written = 0;
        do
        {
            if (written == scale && scale > 0)
            {
                d[--pos] = '.';
            }
            d[--pos] = (byte)('0' - q % 10);
            q /= 10;
            written++;
        }
        while (q != 0 || written <= scale);
        return pos;
    }

}

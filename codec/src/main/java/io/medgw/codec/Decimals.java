package io.medgw.codec;

/**
 * Parses decimal text straight to a scaled {@code long} (fen, micro-yuan, 1/10,000 quantity units,
 * basis points) and formats it back, with no floating point and no allocation on parse.
 * <p>
 * Accepted: optional leading {@code -}, digits, optional {@code .} and digits. Trailing zeros
 * beyond the scale are fine ({@code 1.000} at scale 2 is 100); a non-zero digit beyond the scale is
 * refused ({@code 1.005} at scale 2). An exponent ({@code 1e2}) is accepted only when it yields an
 * exact value at the scale. Stateless; safe from any thread.
 */
public final class Decimals
{
    /** Returned by {@link #parse} when the text is not a number. */
    public static final long NOT_A_NUMBER = Long.MIN_VALUE;
    /** Returned by {@link #parse} when the text has a non-zero digit finer than the scale. */
    public static final long TOO_FINE = Long.MIN_VALUE + 1;
    /** Returned by {@link #parse} when the value does not fit. */
    public static final long TOO_LARGE = Long.MIN_VALUE + 2;

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L };

    private Decimals()
    {
    }

    /** @return true if {@code v} is one of the parse failure sentinels. */
    public static boolean isError(final long v)
    {
        return v <= TOO_LARGE;
    }

    /**
     * @param text  decimal text.
     * @param scale digits after the point the unit carries (2 for fen, 6 for micro-yuan, 4 for bp).
     * @return the value × 10^scale, or a sentinel ({@link #NOT_A_NUMBER}, {@link #TOO_FINE},
     * {@link #TOO_LARGE}).
     */
    public static long parse(final CharSequence text, final int scale)
    {
        return parse(text, 0, text.length(), scale);
    }

    /**
     * @param text  holds the number at {@code [start, end)}.
     * @param start first char.
     * @param end   one past the last char.
     * @param scale digits after the point.
     * @return as {@link #parse(CharSequence, int)}.
     */
    public static long parse(final CharSequence text, final int start, final int end, final int scale)
    {
        int i = start;
        if (i >= end)
        {
            return NOT_A_NUMBER;
        }
        boolean negative = false;
        if (text.charAt(i) == '-' || text.charAt(i) == '+')
        {
            negative = text.charAt(i) == '-';
            i++;
        }
        long value = 0;
        int digits = 0;
        int fraction = -1;
        boolean tooFine = false;
        int exponent = 0;
        for (; i < end; i++)
        {
            final char c = text.charAt(i);
            if (c >= '0' && c <= '9')
            {
                digits++;
                if (fraction >= 0)
                {
                    fraction++;
                    if (fraction > scale)
                    {
                        if (c != '0')
                        {
                            tooFine = true;
                        }
                        continue;
                    }
                }
                if (value > (Long.MAX_VALUE - 9) / 10)
                {
                    return TOO_LARGE;
                }
                value = value * 10 + (c - '0');
            }
            else if (c == '.' && fraction < 0)
            {
                fraction = 0;
            }
            else if ((c == 'e' || c == 'E') && digits > 0)
            {
                final long e = parseExponent(text, i + 1, end);
                if (e == NOT_A_NUMBER)
                {
                    return NOT_A_NUMBER;
                }
                exponent = (int)e;
                break;
            }
            else
            {
                return NOT_A_NUMBER;
            }
        }
        if (digits == 0)
        {
            return NOT_A_NUMBER;
        }
        final int have = Math.max(0, Math.min(fraction, scale));
        int shift = scale - have + exponent;
        if (tooFine && exponent <= 0)
        {
            return TOO_FINE;
        }
        if (tooFine)
        {
            return NOT_A_NUMBER; // exotic: digits beyond scale moved by an exponent; not meant by any client
        }
        while (shift > 0)
        {
            if (value > Long.MAX_VALUE / 10)
            {
                return TOO_LARGE;
            }
            value *= 10;
            shift--;
        }
        while (shift < 0)
        {
            if (value % 10 != 0)
            {
                return TOO_FINE;
            }
            value /= 10;
            shift++;
        }
        return negative ? -value : value;
    }

    private static long parseExponent(final CharSequence text, final int from, final int end)
    {
        int i = from;
        boolean negative = false;
        if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+'))
        {
            negative = text.charAt(i) == '-';
            i++;
        }
        if (i >= end || end - i > 2)
        {
            return NOT_A_NUMBER;
        }
        int e = 0;
        for (; i < end; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return NOT_A_NUMBER;
            }
            e = e * 10 + (c - '0');
        }
        return negative ? -e : e;
    }

    /**
     * Appends {@code value / 10^scale} as decimal text with exactly {@code scale} places
     * (e.g. 123 at scale 2 → {@code 1.23}, -5 → {@code -0.05}).
     *
     * @param out   where to append.
     * @param value the scaled value.
     * @param scale digits after the point (0..9).
     * @return {@code out}.
     */
    public static StringBuilder append(final StringBuilder out, final long value, final int scale)
    {
        long v = value;
        if (v < 0)
        {
            out.append('-');
            v = -v;
        }
        if (scale == 0)
        {
            return out.append(v);
        }
        final long p = POW10[scale];
        out.append(v / p).append('.');
        final long frac = v % p;
        for (long d = p / 10; d > 0; d /= 10)
        {
            out.append((char)('0' + (frac / d) % 10));
        }
        return out;
    }

    /**
     * Writes {@code value / 10^scale} as decimal text with exactly {@code scale} places into
     * {@code out} (the same text as {@link #append}), without allocating: the encoder's path.
     *
     * @param value the scaled value (any long).
     * @param scale digits after the point (0..18).
     * @param out   where to write; needs room for up to {@code scale + 22} chars from {@code off}.
     * @param off   first char to write.
     * @return the number of chars written.
     */
    public static int format(final long value, final int scale, final char[] out, final int off)
    {
        long q = value > 0 ? -value : value; // non-positive: Long.MIN_VALUE has no positive twin
        int digits = 1;
        for (long t = q / 10; t != 0; t /= 10)
        {
            digits++;
        }
        final int width = Math.max(digits, scale + 1);
        final int length = (value < 0 ? 1 : 0) + width + (scale > 0 ? 1 : 0);
        int pos = off + length;
        for (int i = 0; i < width; i++)
        {
            if (i == scale && scale > 0)
            {
                out[--pos] = '.';
            }
            out[--pos] = (char)('0' - q % 10);
            q /= 10;
        }
        if (value < 0)
        {
            out[--pos] = '-';
        }
        return length;
    }

    /**
     * @param value a scaled value.
     * @param scale its scale.
     * @return {@link #append} as a new String (allocates: for messages, files and tests).
     */
    public static String format(final long value, final int scale)
    {
        return append(new StringBuilder(24), value, scale).toString();
    }
}

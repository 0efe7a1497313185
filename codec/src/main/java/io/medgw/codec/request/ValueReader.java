package io.medgw.codec.request;

import io.medgw.codec.Decimals;
import io.medgw.codec.ErrorCode;

/**
 * Reads one scalar input value (text or a number of the data nodes), hashes it into the body
 * digest, and keeps an input-tier refusal when it is the wrong shape, too long or a bad amount.
 * Messages name the field by its path ({@code data.medfee_sumamt}, {@code feedetail[3].cnt}) and
 * are built only on refusal. Single-threaded; shared by the input readers of one decoder.
 */
final class ValueReader
{
    private static final int AMOUNT_SCALE = 2;
    private static final char[] EMPTY = new char[0];

    private final DecodeStatus status;
    private final BodyHasher h;
    private final CharSlice slice = new CharSlice();
    private final RecentStrings recent;

    ValueReader(final DecodeStatus status, final BodyHasher hasher, final RecentStrings recent)
    {
        this.status = status;
        this.h = hasher;
        this.recent = recent;
    }

    /** @return the text of the value just read by {@link #number} (valid until the scanner moves). */
    CharSlice slice()
    {
        return slice;
    }

    /**
     * A text value (strings, or numbers/booleans taken as their text).
     *
     * @param slot the field's {@link RecentStrings} slot.
     * @return the text, or null with E5001 kept when the value is an object or array.
     */
    String text(final JsonScanner s, final int t, final String node, final int row, final String field,
        final int maxLength, final int slot) throws JsonSyntaxException
    {
        if (t == JsonScanner.OBJECT || t == JsonScanner.ARRAY)
        {
            status.fail(DecodeStatus.INPUT, ErrorCode.E5001, path(node, row, field) + " must be a string");
            h.value(s, t);
            return null;
        }
        h.text(s);
        final int length = s.textLength();
        if (length > maxLength && !status.has(DecodeStatus.INPUT))
        {
            status.fail(DecodeStatus.INPUT, ErrorCode.E5003,
                path(node, row, field) + " is " + length + " characters (at most " + maxLength + ")");
        }
        return recent.get(slot, s);
    }

    /**
     * A number at {@code scale}, from a JSON number or a numeric string, hashed by its value.
     *
     * @return the value, or a {@link Decimals} error sentinel or a negative value (then the text is
     * in {@link #slice()} and was hashed as text); {@link Decimals#NOT_A_NUMBER} for an object or array.
     */
    long number(final JsonScanner s, final int t, final int scale) throws JsonSyntaxException
    {
        if (t == JsonScanner.OBJECT || t == JsonScanner.ARRAY)
        {
            h.value(s, t);
            slice.wrap(EMPTY, 0, 0);
            return Decimals.NOT_A_NUMBER;
        }
        slice.wrap(s.text(), 0, s.textLength());
        final long v = Decimals.parse(slice, 0, slice.length(), scale);
        if (Decimals.isError(v) || v < 0)
        {
            h.chars(slice.array(), slice.offset(), slice.length());
        }
        else
        {
            h.number(v);
        }
        return v;
    }

    /**
     * An amount (scale 2) or count (scale 0) of a data node: a bad one is refused E5005.
     *
     * @return the value ≥ 0, or -1 with E5005 kept.
     */
    long amount(final JsonScanner s, final int t, final int scale, final String node, final String field)
        throws JsonSyntaxException
    {
        final long v = number(s, t, scale);
        if (Decimals.isError(v) || v < 0)
        {
            if (!status.has(DecodeStatus.INPUT))
            {
                status.fail(DecodeStatus.INPUT, ErrorCode.E5005, path(node, -1, field) + " = " +
                    (slice.length() == 0 ? "(object)" : slice.toString()) + ": " + problem(v, scale));
            }
            return -1;
        }
        return v;
    }

    private static String problem(final long v, final int scale)
    {
        if (v == Decimals.TOO_FINE)
        {
            return scale == AMOUNT_SCALE ? "not a whole number of fen (at most 2 decimals)" :
                "more than " + scale + " decimals";
        }
        if (v == Decimals.TOO_LARGE)
        {
            return "too large";
        }
        return v == Decimals.NOT_A_NUMBER ? "not a number" : "negative";
    }

    static String path(final String node, final int row, final String field)
    {
        return row < 0 ? node + "." + field : node + "[" + row + "]." + field;
    }
}

package io.medgw.codec.request;

import java.nio.charset.StandardCharsets;

/**
 * Remembers the last String made for each field, and hands it out again when the next value of
 * that field has the same text: the same {@code fixmedins_code}, {@code insutype}, {@code med_type}
 * or {@code mdtrt_id} arrives on every line and every request of an institution, and Strings are
 * immutable, so they can be shared. Saves most of the decoder's String garbage. Single-threaded.
 */
final class RecentStrings
{
    /** Slots 0..31: envelope fields. */
    static final int ENVELOPE = 0;
    /** Slots 32..: {@link DataField} by ordinal. */
    static final int DATA = 32;
    /** Slots after the data fields: {@link LineField} by ordinal. */
    static final int LINE = DATA + DataField.values().length;
    private static final int SIZE = LINE + LineField.values().length;

    private final String[] recent = new String[SIZE];
    private final CharSlice slice = new CharSlice();

    /**
     * @param slot the field's slot.
     * @param s    the scanner, on a scalar value: a raw ASCII string is compared and copied from the body's bytes.
     * @return a String equal to its text: the slot's last one when equal, else a new one.
     */
    String get(final int slot, final JsonScanner s)
    {
        if (!s.textIsRaw())
        {
            return get(slot, slice.wrap(s.text(), 0, s.textLength()));
        }
        final byte[] b = s.buffer();
        final int off = s.rawStart();
        final int len = s.textLength();
        final String last = recent[slot];
        if (last != null && same(last, b, off, len))
        {
            return last;
        }
        final String made = new String(b, off, len, StandardCharsets.ISO_8859_1); // ASCII: a byte copy
        recent[slot] = made;
        return made;
    }

    private static boolean same(final String s, final byte[] b, final int off, final int len)
    {
        if (s.length() != len)
        {
            return false;
        }
        for (int i = 0; i < len; i++)
        {
            if (s.charAt(i) != b[off + i])
            {
                return false;
            }
        }
        return true;
    }

    /** A plain loop: String.contentEquals(CharSequence) goes through the interface char by char. */
    private static boolean same(final String s, final char[] c, final int off, final int len)
    {
        if (s.length() != len)
        {
            return false;
        }
        for (int i = 0; i < len; i++)
        {
            if (s.charAt(i) != c[off + i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param slot the field's slot.
     * @param text the value's text.
     * @return a String equal to {@code text}: the slot's last one when equal, else a new one.
     */
    String get(final int slot, final CharSlice text)
    {
        final String last = recent[slot];
        if (last != null && same(last, text.array(), text.offset(), text.length()))
        {
            return last;
        }
        final String s = text.toString();
        recent[slot] = s;
        return s;
    }
}

package io.medgw.codec.request;

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

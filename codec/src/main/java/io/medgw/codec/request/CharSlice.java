package io.medgw.codec.request;

/**
 * A reusable {@link CharSequence} view over a range of a {@code char[]} (the parser's text
 * buffer), so numbers and dates can be parsed by {@link io.medgw.codec.Decimals} and
 * {@link io.medgw.codec.Dates} without creating a String. Valid until the parser moves on.
 * Single-threaded.
 */
final class CharSlice implements CharSequence
{
    private char[] chars = new char[0];
    private int offset;
    private int length;

    CharSlice wrap(final char[] chars, final int offset, final int length)
    {
        this.chars = chars;
        this.offset = offset;
        this.length = length;
        return this;
    }

    char[] array()
    {
        return chars;
    }

    int offset()
    {
        return offset;
    }

    /** @return true for the text the wire uses to mean "no value": empty or {@code null}. */
    boolean isNullText()
    {
        return length == 0 || (length == 4 && chars[offset] == 'n' && chars[offset + 1] == 'u' &&
            chars[offset + 2] == 'l' && chars[offset + 3] == 'l');
    }

    @Override
    public int length()
    {
        return length;
    }

    @Override
    public char charAt(final int index)
    {
        return chars[offset + index];
    }

    @Override
    public CharSequence subSequence(final int start, final int end)
    {
        return new String(chars, offset + start, end - start);
    }

    @Override
    public String toString()
    {
        return new String(chars, offset, length);
    }
}

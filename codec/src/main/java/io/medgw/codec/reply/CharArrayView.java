package io.medgw.codec.reply;

/** A reusable CharSequence over a char[], so the encoder writes its char buffers without a String. Single-threaded. */
final class CharArrayView implements CharSequence
{
    private char[] chars;

    CharArrayView wrap(final char[] c)
    {
        this.chars = c;
        return this;
    }

    @Override
    public int length()
    {
        return chars.length;
    }

    @Override
    public char charAt(final int index)
    {
        return chars[index];
    }

    @Override
    public CharSequence subSequence(final int start, final int end)
    {
        return new String(chars, start, end - start);
    }

    @Override
    public String toString()
    {
        return new String(chars);
    }
}

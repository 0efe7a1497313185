package io.medgw.ledger.record;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.medgw.ledger.record.LedgerRecordLayout.BYTE_ORDER;
import static io.medgw.ledger.record.LedgerRecordLayout.NULL_STRING_LENGTH;

/**
 * Length-prefixed UTF-8 strings without allocation on the write side. Encodes exactly as
 * {@code String.getBytes(UTF_8)} does (an unpaired surrogate becomes {@code '?'}). Array-backed
 * buffers are written directly (one capacity check per string, an ASCII-only first loop); other
 * buffers go through {@code putByte}. Stateless.
 */
final class Utf8Strings
{
    private static final byte REPLACEMENT = (byte)'?';

    private Utf8Strings()
    {
    }

    /**
     * Writes {@code value} as an int length (or -1 for null) and its UTF-8 bytes.
     *
     * @param buffer to write into (an expandable buffer grows as needed).
     * @param index  where the length goes.
     * @param value  the text, or null.
     * @return bytes written, the length prefix included.
     */
    static int put(final MutableDirectBuffer buffer, final int index, final CharSequence value)
    {
        if (value == null)
        {
            buffer.putInt(index, NULL_STRING_LENGTH, BYTE_ORDER);
            return 4;
        }
        final int n = value.length();
        final int worst = 4 + 3 * n; // a char takes at most 3 bytes; a surrogate pair 4 for 2 chars
        final int byteLength;
        if (buffer.byteArray() != null && (buffer.isExpandable() || index + worst <= buffer.capacity()))
        {
            buffer.checkLimit(index + worst); // grows an expandable buffer once, before taking the array
            final int start = buffer.wrapAdjustment() + index + 4;
            byteLength = encode(value, n, buffer.byteArray(), start) - start;
        }
        else
        {
            byteLength = encodeSlow(value, n, buffer, index + 4) - index - 4;
        }
        buffer.putInt(index, byteLength, BYTE_ORDER);
        return byteLength + 4;
    }

    private static int encode(final CharSequence value, final int n, final byte[] dst, final int start)
    {
        int p = start;
        int i = 0;
        while (i < n)
        {
            final char c = value.charAt(i);
            if (c >= 0x80)
            {
                break;
            }
            dst[p++] = (byte)c;
            i++;
        }
        for (; i < n; i++)
        {
            final char c = value.charAt(i);
            if (c < 0x80)
            {
                dst[p++] = (byte)c;
            }
            else if (c < 0x800)
            {
                dst[p++] = (byte)(0xC0 | (c >> 6));
                dst[p++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (Character.isSurrogate(c))
            {
                final int cp = codePointAt(value, i, n, c);
                if (cp < 0)
                {
                    dst[p++] = REPLACEMENT;
                }
                else
                {
                    dst[p++] = (byte)(0xF0 | (cp >> 18));
                    dst[p++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    dst[p++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    dst[p++] = (byte)(0x80 | (cp & 0x3F));
                    i++;
                }
            }
            else
            {
                dst[p++] = (byte)(0xE0 | (c >> 12));
                dst[p++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                dst[p++] = (byte)(0x80 | (c & 0x3F));
            }
        }
        return p;
    }

    private static int encodeSlow(final CharSequence value, final int n, final MutableDirectBuffer buffer,
        final int start)
    {
        int p = start;
        for (int i = 0; i < n; i++)
        {
            final char c = value.charAt(i);
            if (c < 0x80)
            {
                buffer.putByte(p++, (byte)c);
            }
            else if (c < 0x800)
            {
                buffer.putByte(p++, (byte)(0xC0 | (c >> 6)));
                buffer.putByte(p++, (byte)(0x80 | (c & 0x3F)));
            }
            else if (Character.isSurrogate(c))
            {
                final int cp = codePointAt(value, i, n, c);
                if (cp < 0)
                {
                    buffer.putByte(p++, REPLACEMENT);
                }
                else
                {
                    buffer.putByte(p++, (byte)(0xF0 | (cp >> 18)));
                    buffer.putByte(p++, (byte)(0x80 | ((cp >> 12) & 0x3F)));
                    buffer.putByte(p++, (byte)(0x80 | ((cp >> 6) & 0x3F)));
                    buffer.putByte(p++, (byte)(0x80 | (cp & 0x3F)));
                    i++;
                }
            }
            else
            {
                buffer.putByte(p++, (byte)(0xE0 | (c >> 12)));
                buffer.putByte(p++, (byte)(0x80 | ((c >> 6) & 0x3F)));
                buffer.putByte(p++, (byte)(0x80 | (c & 0x3F)));
            }
        }
        return p;
    }

    private static int codePointAt(final CharSequence value, final int i, final int n, final char high)
    {
        if (Character.isHighSurrogate(high) && i + 1 < n)
        {
            final char low = value.charAt(i + 1);
            if (Character.isLowSurrogate(low))
            {
                return Character.toCodePoint(high, low);
            }
        }
        return -1;
    }

    /**
     * Reads the byte length at {@code index}, checking it fits before {@code limit}.
     *
     * @param buffer to read.
     * @param index  of the length prefix.
     * @param limit  end of the record.
     * @return the byte length, or -1 for null.
     */
    static int length(final DirectBuffer buffer, final int index, final int limit)
    {
        if (index + 4 > limit)
        {
            throw new LedgerFormatException("string length at " + index + " runs past the record end " + limit);
        }
        final int length = buffer.getInt(index, BYTE_ORDER);
        if (length < NULL_STRING_LENGTH || (length > 0 && index + 4 + length > limit))
        {
            throw new LedgerFormatException("bad string length " + length + " at " + index);
        }
        return length;
    }

    /**
     * Decodes {@code length} UTF-8 bytes (allocates the String).
     *
     * @param buffer  to read.
     * @param index   of the first byte (after the prefix).
     * @param length  byte count (not -1).
     * @param scratch reusable bytes at least {@code length} long.
     * @return the text.
     */
    static String get(final DirectBuffer buffer, final int index, final int length, final byte[] scratch)
    {
        if (length == 0)
        {
            return "";
        }
        buffer.getBytes(index, scratch, 0, length);
        return new String(scratch, 0, length, StandardCharsets.UTF_8);
    }
}

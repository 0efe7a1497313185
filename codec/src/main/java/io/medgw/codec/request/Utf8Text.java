package io.medgw.codec.request;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The text buffer of a {@link JsonScanner}: decodes a JSON string (UTF-8, with escapes) into
 * UTF-16 chars the way Jackson does, so the same body gives the same chars (and so the same
 * digest): {@code \\uXXXX} escapes are copied unit by unit (a surrogate pair stays a pair, a lone
 * surrogate stays alone), a 4-byte UTF-8 sequence becomes a surrogate pair, an unescaped control
 * character or a broken UTF-8 sequence is refused. The all-ASCII run is the fast path: one
 * compare per byte. Single-threaded; owned by one scanner.
 */
final class Utf8Text
{
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;

    private final JsonScanner scanner;
    char[] chars = new char[256];
    int length;
    /** Chars written by the last {@link #multiByte}: 2 for a 4-byte sequence (a surrogate pair), else 1. */
    private int decoded;

    Utf8Text(final JsonScanner scanner)
    {
        this.scanner = scanner;
    }

    /** A string of n bytes has at most n chars (+8: the word copy may write past the run): sized once per body. */
    void ensureCapacity(final int bytes)
    {
        if (chars.length < bytes + 8)
        {
            chars = new char[Math.max(bytes + 8, chars.length * 2)];
        }
    }

    /**
     * Copies the plain ASCII run at {@code b[from]} (up to a quote, a backslash, a control character
     * or a multi-byte sequence) to {@code chars[at]}: eight bytes at a time, found with SWAR masks
     * and widened with shifts, so a typical value costs a few word operations rather than a loop
     * per byte.
     *
     * @return the run's length.
     */
    private int copyPlain(final byte[] b, final int from, final int end, final int at)
    {
        final char[] t = chars;
        int p = from;
        int n = at;
        while (p + 8 <= end)
        {
            final long x = (long)LONGS.get(b, p);
            final long special = (x | ((x - ONES * 0x20) & ~x) | zeroByte(x ^ (ONES * '"')) | zeroByte(x ^ (ONES * '\\'))) & HIGH;
            final int plain = special == 0 ? 8 : Long.numberOfTrailingZeros(special) >>> 3;
            if (n + 8 <= t.length)
            {
                t[n] = (char)(x & 0xFF);
                t[n + 1] = (char)((x >>> 8) & 0xFF);
                t[n + 2] = (char)((x >>> 16) & 0xFF);
                t[n + 3] = (char)((x >>> 24) & 0xFF);
                t[n + 4] = (char)((x >>> 32) & 0xFF);
                t[n + 5] = (char)((x >>> 40) & 0xFF);
                t[n + 6] = (char)((x >>> 48) & 0xFF);
                t[n + 7] = (char)(x >>> 56);
            }
            else
            {
                for (int i = 0; i < plain; i++)
                {
                    t[n + i] = (char)b[p + i];
                }
            }
            p += plain;
            n += plain;
            if (plain < 8)
            {
                return n - at;
            }
        }
        while (p < end)
        {
            final byte c = b[p];
            if (c < 0x20 || c == '"' || c == '\\')
            {
                break; // also every non-ASCII byte (negative)
            }
            t[n++] = (char)c;
            p++;
        }
        return n - at;
    }

    /** @return how many bytes from {@code from} are plain ASCII (not a quote, backslash, control character or multi-byte): SWAR, eight at a time. */
    static int plainLength(final byte[] b, final int from, final int end)
    {
        int p = from;
        while (p + 8 <= end)
        {
            final long x = (long)LONGS.get(b, p);
            final long special = (x | ((x - ONES * 0x20) & ~x) | zeroByte(x ^ (ONES * '"')) | zeroByte(x ^ (ONES * '\\'))) & HIGH;
            if (special != 0)
            {
                return p - from + (Long.numberOfTrailingZeros(special) >>> 3);
            }
            p += 8;
        }
        while (p < end)
        {
            final byte c = b[p];
            if (c < 0x20 || c == '"' || c == '\\')
            {
                break;
            }
            p++;
        }
        return p - from;
    }

    /** @return the high bit set in each byte of {@code y} that was zero (a byte borrowing into a zero byte may be flagged too, only after a true zero). */
    private static long zeroByte(final long y)
    {
        return (y - ONES) & ~y;
    }

    void set(final String word)
    {
        word.getChars(0, word.length(), chars, 0);
        length = word.length();
    }

    void setAscii(final byte[] b, final int from, final int to)
    {
        final char[] t = chars;
        for (int i = from; i < to; i++)
        {
            t[i - from] = (char)b[i];
        }
        length = to - from;
    }

    /**
     * @param b    the body.
     * @param from the byte after the opening quote.
     * @param end  the end of the body.
     * @param name true for a field name (for the message at end of input).
     * @return the position after the closing quote.
     */
    int read(final byte[] b, final int from, final int end, final boolean name) throws JsonSyntaxException
    {
        final char[] t = chars;
        int p = from;
        int n = 0;
        while (true)
        {
            final int plain = copyPlain(b, p, end, n);
            n += plain;
            p += plain;
            if (p >= end)
            {
                throw scanner.eofAt(end, name ? "in field name" : "in VALUE_STRING");
            }
            final int c = b[p];
            if (c == '"')
            {
                length = n;
                return p + 1;
            }
            if (c == '\\')
            {
                p = escape(b, p + 1, end, n++, name);
            }
            else if (c < 0)
            {
                final int chinese = threeBytes(b, p, end);
                if (chinese >= 0)
                {
                    t[n++] = (char)chinese;
                    p += 3;
                }
                else
                {
                    p = multiByte(b, p, end, n, name);
                    n += decoded;
                }
            }
            else
            {
                throw scanner.syntax(p, p, "Illegal unquoted character ((CTRL-CHAR, code " + c +
                    ")): has to be escaped using backslash to be included in " + (name ? "name" : "string value"));
            }
        }
    }

    private int escape(final byte[] b, final int from, final int end, final int at, final boolean name) throws JsonSyntaxException
    {
        if (from >= end)
        {
            throw scanner.eofAt(end, name ? "in field name" : "in VALUE_STRING");
        }
        final int c = b[from];
        final char v;
        switch (c)
        {
            case '"', '\\', '/' -> v = (char)c;
            case 'b' -> v = '\b';
            case 'f' -> v = '\f';
            case 'n' -> v = '\n';
            case 'r' -> v = '\r';
            case 't' -> v = '\t';
            case 'u' ->
            {
                int u = 0;
                for (int i = 1; i <= 4; i++)
                {
                    if (from + i >= end)
                    {
                        throw scanner.eofAt(end, "in character escape sequence");
                    }
                    final int d = Character.digit(b[from + i], 16);
                    if (d < 0 || b[from + i] < 0)
                    {
                        throw scanner.unexpected(from + i, "expected a hex-digit for character escape sequence");
                    }
                    u = (u << 4) | d;
                }
                chars[at] = (char)u;
                return from + 5;
            }
            default -> throw scanner.syntax(from, from, "Unrecognized character escape " +
                (c >= 0x20 ? "'" + (char)(c & 0xFF) + "' " : "") + "(code " + (c & 0xFF) + ")");
        }
        chars[at] = v;
        return from + 1;
    }

    /**
     * The common non-ASCII case (Chinese text), small enough to inline: a 3-byte sequence that
     * cannot be overlong (lead E1..EF) or a surrogate (lead ED), with two continuation bytes.
     *
     * @return its char, or -1 for anything else (then {@link #multiByte} decodes or refuses it).
     */
    private static int threeBytes(final byte[] b, final int p, final int end)
    {
        if (p + 2 >= end)
        {
            return -1;
        }
        final int c0 = b[p] & 0xFF;
        final int c1 = b[p + 1];
        final int c2 = b[p + 2];
        if (c0 < 0xE1 || c0 > 0xEF || c0 == 0xED || (c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80)
        {
            return -1;
        }
        return ((c0 & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F);
    }

    /**
     * Decodes one 2-, 3- or 4-byte sequence at {@code b[p]} into chars[at] (and at + 1), refusing
     * what Jackson refuses: overlong forms, encoded surrogates, code points beyond U+10FFFF.
     *
     * @return the next position.
     */
    private int multiByte(final byte[] b, final int p, final int end, final int at, final boolean name) throws JsonSyntaxException
    {
        final int c = b[p] & 0xFF;
        final int extra;
        int v;
        if (c >= 0xC2 && c <= 0xDF)
        {
            extra = 1;
            v = c & 0x1F;
        }
        else if (c >= 0xE0 && c <= 0xEF)
        {
            extra = 2;
            v = c & 0x0F;
        }
        else if (c >= 0xF0 && c <= 0xF4)
        {
            extra = 3;
            v = c & 0x07;
        }
        else
        {
            throw scanner.syntax(p, p + 1, "Invalid UTF-8 start byte 0x" + Integer.toHexString(c));
        }
        for (int i = 1; i <= extra; i++)
        {
            if (p + i >= end)
            {
                throw scanner.eofAt(end, name ? "in field name" : "in VALUE_STRING");
            }
            final int d = b[p + i] & 0xFF;
            if ((d & 0xC0) != 0x80)
            {
                throw scanner.syntax(p + i, p + i + 1, "Invalid UTF-8 middle byte 0x" + Integer.toHexString(d));
            }
            v = (v << 6) | (d & 0x3F);
        }
        final String wrong = extra == 2 && v < 0x800 ? "overlong 3-byte encoding of 0x" + Integer.toHexString(v) :
            extra == 2 && v >= 0xD800 && v <= 0xDFFF ? "Illegal surrogate character 0x" + Integer.toHexString(v) :
            extra == 3 && v < 0x10000 ? "overlong 4-byte encoding of 0x" + Integer.toHexString(v) :
            extra == 3 && v > 0x10FFFF ? "code point 0x" + Integer.toHexString(v) + " beyond U+10FFFF" : null;
        if (wrong != null)
        {
            throw scanner.syntax(p, p + extra + 1, "Invalid UTF-8: " + wrong);
        }
        decoded = extra == 3 ? 2 : 1;
        if (extra == 3)
        {
            v -= 0x10000;
            chars[at] = (char)(0xD800 | (v >> 10));
            chars[at + 1] = (char)(0xDC00 | (v & 0x3FF));
        }
        else
        {
            chars[at] = (char)v;
        }
        return p + extra + 1;
    }
}

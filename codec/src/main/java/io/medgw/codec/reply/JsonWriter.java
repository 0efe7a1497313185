package io.medgw.codec.reply;

import java.nio.charset.StandardCharsets;

/**
 * Writes compact UTF-8 JSON straight into a {@link ByteSink}, in place of Jackson's generator on
 * the reply path, byte for byte what that generator wrote: no spaces, {@code "/"} and DEL as is,
 * {@code \b \t \n \f \r} and other control characters as {@code \\u00XX} (upper-case hex), and every
 * UTF-16 surrogate (a pair too) as a {@code \\uXXXX} escape. Commas are placed from a small context
 * stack, which also refuses what the generator refused (a name where a value belongs, the wrong
 * end), so a broken writer fails in tests rather than on the wire. Single-threaded; one per encoder.
 */
final class JsonWriter
{
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = { 'n', 'u', 'l', 'l' };
    /** 0: written as is; 'u': as \\u00XX; else the letter after the backslash. */
    private static final byte[] ESCAPE = new byte[128];
    private static final int MAX_DEPTH = 64;

    static
    {
        for (int c = 0; c < 0x20; c++)
        {
            ESCAPE[c] = 'u';
        }
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
        ESCAPE['\b'] = 'b';
        ESCAPE['\t'] = 't';
        ESCAPE['\f'] = 'f';
        ESCAPE['\n'] = 'n';
        ESCAPE['\r'] = 'r';
    }

    private final ByteSink sink;
    /** StringBuilder text is copied here first, so every string is written from a String or a char[] (no interface calls per char). */
    private char[] scratch = new char[256];
    /** Scratch for {@link #decimal}: 19 digits, a point, a sign and up to 18 leading zeros. */
    private final byte[] digits = new byte[48];
    /** Per depth: true for an array. Depth 0 is the root. */
    private final boolean[] array = new boolean[MAX_DEPTH + 1];
    private int depth;
    /** True when the next value needs a comma before it (something was written at this depth). */
    private boolean comma;
    /** True between a name and its value. */
    private boolean named;

    JsonWriter(final ByteSink sink)
    {
        this.sink = sink;
    }

    /** Empties the sink and forgets any half-written response. */
    void reset()
    {
        sink.reset();
        depth = 0;
        comma = false;
        named = false;
    }

    /** @return pre-encoded {@code "name":} for {@link #field(byte[])}. */
    static byte[] name(final String name)
    {
        return ("\"" + name + "\":").getBytes(StandardCharsets.UTF_8);
    }

    /** @param quotedName bytes from {@link #name(String)}. */
    void field(final byte[] quotedName)
    {
        beforeName();
        sink.put(quotedName, 0, quotedName.length);
    }

    /** @param name a field name (escaped as a string). */
    void field(final String name)
    {
        beforeName();
        text(name, name.length());
        sink.put((byte)':');
    }

    void startObject()
    {
        open(false);
        sink.put((byte)'{');
    }

    void startArray()
    {
        open(true);
        sink.put((byte)'[');
    }

    void endObject()
    {
        close(false);
        sink.put((byte)'}');
    }

    void endArray()
    {
        close(true);
        sink.put((byte)']');
    }

    void nullValue()
    {
        beforeValue();
        sink.put(NULL, 0, 4);
    }

    /** @param s text (non-null). */
    void string(final String s)
    {
        beforeValue();
        text(s, s.length());
    }

    /** @param s text (non-null). @param n how many of its chars to write. */
    void string(final StringBuilder s, final int n)
    {
        if (scratch.length < n)
        {
            scratch = new char[Math.max(n, scratch.length * 2)];
        }
        s.getChars(0, n, scratch, 0);
        string(scratch, n);
    }

    /** @param s text. @param n how many of its chars to write. */
    void string(final char[] s, final int n)
    {
        beforeValue();
        int at = sink.reserve(n * 6 + 2); // \\uXXXX is the longest form of one char
        final byte[] b = sink.buffer();
        b[at++] = '"';
        for (int i = 0; i < n; i++)
        {
            final char c = s[i];
            if (c < 0x80 && ESCAPE[c] == 0)
            {
                b[at++] = (byte)c;
            }
            else
            {
                at = special(b, at, c);
            }
        }
        b[at++] = '"';
        sink.commit(at);
    }

    /** @param s a number's text, written as is. @param n its length. */
    void number(final char[] s, final int n)
    {
        beforeValue();
        final int at = sink.reserve(n);
        final byte[] b = sink.buffer();
        for (int i = 0; i < n; i++)
        {
            b[at + i] = (byte)s[i];
        }
        sink.commit(at + n);
    }

    /**
     * Writes {@code value / 10^scale} with exactly {@code scale} decimals, the text of
     * {@link io.medgw.codec.Decimals#format(long, int, char[], int)}, straight into the sink: int
     * arithmetic, two digits per division, when the value fits an int (division by a constant
     * compiles to a multiply), which every amount of a settlement does.
     *
     * @param value the scaled value.
     * @param scale decimals (0..18).
     */
    void decimal(final long value, final int scale)
    {
        beforeValue();
        final int at = sink.reserve(40);
        final int n = DecimalText.write(value, scale, sink.buffer(), at, digits);
        sink.commit(at + n);
    }

    /** @return true when no object or array is open (a whole response, or nothing, was written). */
    boolean inRoot()
    {
        return depth == 0;
    }

    private void beforeName()
    {
        if (depth == 0 || array[depth] || named)
        {
            throw new IllegalStateException("Can not write a field name, expecting a value");
        }
        if (comma)
        {
            sink.put((byte)',');
        }
        named = true;
    }

    private void beforeValue()
    {
        if (depth > 0 && !array[depth] && !named)
        {
            throw new IllegalStateException("Can not write a value, expecting a field name");
        }
        if (comma && array[depth])
        {
            sink.put((byte)',');
        }
        named = false;
        comma = true;
    }

    private void open(final boolean isArray)
    {
        beforeValue();
        if (depth == MAX_DEPTH)
        {
            throw new IllegalStateException("JSON nested deeper than " + MAX_DEPTH);
        }
        array[++depth] = isArray;
        comma = false;
    }

    private void close(final boolean isArray)
    {
        if (depth == 0 || array[depth] != isArray || named)
        {
            throw new IllegalStateException("Current context not " + (isArray ? "Array" : "Object"));
        }
        depth--;
        comma = true;
    }

    /** Writes {@code "s[0, n)"}; the common all-ASCII, nothing-to-escape char costs one compare. */
    private void text(final String s, final int n)
    {
        int at = sink.reserve(n * 6 + 2); // \\uXXXX is the longest form of one char
        final byte[] b = sink.buffer();
        b[at++] = '"';
        for (int i = 0; i < n; i++)
        {
            final char c = s.charAt(i);
            if (c < 0x80 && ESCAPE[c] == 0)
            {
                b[at++] = (byte)c;
            }
            else
            {
                at = special(b, at, c);
            }
        }
        b[at++] = '"';
        sink.commit(at);
    }

    private static int special(final byte[] b, final int at, final char c)
    {
        int p = at;
        if (c < 0x80)
        {
            b[p++] = '\\';
            final byte e = ESCAPE[c];
            if (e != 'u')
            {
                b[p++] = e;
                return p;
            }
            return hex(b, p, c);
        }
        if (c < 0x800)
        {
            b[p++] = (byte)(0xC0 | (c >> 6));
            b[p++] = (byte)(0x80 | (c & 0x3F));
            return p;
        }
        if (Character.isSurrogate(c))
        {
            b[p++] = '\\';
            return hex(b, p, c);
        }
        b[p++] = (byte)(0xE0 | (c >> 12));
        b[p++] = (byte)(0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte)(0x80 | (c & 0x3F));
        return p;
    }

    /** Writes {@code uXXXX} (the backslash is already written). */
    private static int hex(final byte[] b, final int at, final char c)
    {
        b[at] = 'u';
        b[at + 1] = HEX[c >> 12];
        b[at + 2] = HEX[(c >> 8) & 0xF];
        b[at + 3] = HEX[(c >> 4) & 0xF];
        b[at + 4] = HEX[c & 0xF];
        return at + 5;
    }
}

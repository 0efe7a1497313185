package io.medgw.loadtest.scenario;

import io.medgw.codec.Decimals;

/**
 * A tiny JSON writer over a {@link StringBuilder}: objects, arrays, string fields, and numbers
 * from scaled longs (money always with 2 decimals, quantities and prices without trailing zeros).
 * Commas are placed automatically; nesting depth up to 62.
 */
final class JsonOut
{
    private final StringBuilder b;
    private long hasItem;
    private int depth;

    JsonOut(final StringBuilder b)
    {
        this.b = b;
    }

    StringBuilder builder()
    {
        return b;
    }

    private void name(final String name)
    {
        comma();
        if (name != null)
        {
            string(name);
            b.append(':');
        }
    }

    private void comma()
    {
        final long bit = 1L << depth;
        if ((hasItem & bit) != 0)
        {
            b.append(',');
        }
        hasItem |= bit;
    }

    /** @param name field name, or null inside an array / at top level. @return this */
    JsonOut beginObject(final String name)
    {
        name(name);
        b.append('{');
        depth++;
        hasItem &= ~(1L << depth);
        return this;
    }

    JsonOut endObject()
    {
        depth--;
        b.append('}');
        return this;
    }

    /** @param name field name. @return this */
    JsonOut beginArray(final String name)
    {
        name(name);
        b.append('[');
        depth++;
        hasItem &= ~(1L << depth);
        return this;
    }

    JsonOut endArray()
    {
        depth--;
        b.append(']');
        return this;
    }

    /** @param name field name. @param value text (null is written as an empty string). @return this */
    JsonOut str(final String name, final String value)
    {
        name(name);
        string(value == null ? "" : value);
        return this;
    }

    /** @param name field name. @param fen money. @return this, as a number with 2 decimals. */
    JsonOut money(final String name, final long fen)
    {
        name(name);
        Decimals.append(b, fen, 2);
        return this;
    }

    /** @param name field name. @param value scaled value. @param scale its scale. @return this, without trailing zeros. */
    JsonOut decimal(final String name, final long value, final int scale)
    {
        name(name);
        final int start = b.length();
        Decimals.append(b, value, scale);
        if (scale == 0)
        {
            return this;
        }
        int end = b.length();
        while (end > start && b.charAt(end - 1) == '0')
        {
            end--;
        }
        if (b.charAt(end - 1) == '.')
        {
            end--;
        }
        b.setLength(end);
        return this;
    }

    /** @param name field name. @param json a complete JSON value. @return this */
    JsonOut raw(final String name, final CharSequence json)
    {
        name(name);
        b.append(json);
        return this;
    }

    private void string(final String s)
    {
        b.append('"');
        if (plain(s))
        {
            b.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            if (c == '"' || c == '\\')
            {
                b.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                b.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
            else
            {
                b.append(c);
            }
        }
        b.append('"');
    }

    private static boolean plain(final String s)
    {
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20)
            {
                return false;
            }
        }
        return true;
    }
}

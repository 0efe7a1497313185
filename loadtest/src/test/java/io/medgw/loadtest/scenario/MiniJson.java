package io.medgw.loadtest.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: a minimal JSON reader into Map / List / String, keeping numbers as their exact text
 * (class {@link Num}) so amounts can be parsed with {@link io.medgw.codec.Decimals}.
 */
final class MiniJson
{
    /** A number as written. @param text the literal */
    record Num(String text)
    {
    }

    private final String s;
    private int i;

    private MiniJson(final String s)
    {
        this.s = s;
    }

    /** @param json text. @return the parsed value. */
    static Object parse(final String json)
    {
        final MiniJson p = new MiniJson(json);
        final Object v = p.value();
        p.ws();
        if (p.i != json.length())
        {
            throw new IllegalArgumentException("trailing text at " + p.i);
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(final Object o, final String key)
    {
        return (Map<String, Object>)((Map<String, Object>)o).get(key);
    }

    /** @param input a request's input object. @return its data node ({@code data}, or {@code druginfo} for 2102). */
    static Map<String, Object> data(final Map<String, Object> input)
    {
        return obj(input, input.containsKey("druginfo") ? "druginfo" : "data");
    }

    /** @param input a request's input object. @return its fee lines ({@code feedetail} or {@code drugdetail}), or null. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> lines(final Map<String, Object> input)
    {
        return (List<Map<String, Object>>)input.get(input.containsKey("drugdetail") ? "drugdetail" : "feedetail");
    }

    private Object value()
    {
        ws();
        final char c = s.charAt(i);
        if (c == '{')
        {
            i++;
            final Map<String, Object> m = new LinkedHashMap<>();
            ws();
            if (s.charAt(i) == '}')
            {
                i++;
                return m;
            }
            while (true)
            {
                ws();
                final String k = string();
                ws();
                expect(':');
                if (m.put(k, value()) != null)
                {
                    throw new IllegalArgumentException("duplicate key " + k);
                }
                ws();
                if (s.charAt(i++) == '}')
                {
                    return m;
                }
            }
        }
        if (c == '[')
        {
            i++;
            final List<Object> l = new ArrayList<>();
            ws();
            if (s.charAt(i) == ']')
            {
                i++;
                return l;
            }
            while (true)
            {
                l.add(value());
                ws();
                if (s.charAt(i++) == ']')
                {
                    return l;
                }
            }
        }
        if (c == '"')
        {
            return string();
        }
        final int start = i;
        while (i < s.length() && "-+.eE0123456789".indexOf(s.charAt(i)) >= 0)
        {
            i++;
        }
        if (start == i)
        {
            throw new IllegalArgumentException("unexpected " + c + " at " + i);
        }
        return new Num(s.substring(start, i));
    }

    private String string()
    {
        expect('"');
        final StringBuilder b = new StringBuilder();
        while (true)
        {
            final char c = s.charAt(i++);
            if (c == '"')
            {
                return b.toString();
            }
            if (c == '\\')
            {
                final char e = s.charAt(i++);
                if (e == 'u')
                {
                    b.append((char)Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                else
                {
                    b.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                }
            }
            else
            {
                b.append(c);
            }
        }
    }

    private void expect(final char c)
    {
        if (s.charAt(i++) != c)
        {
            throw new IllegalArgumentException("expected " + c + " at " + (i - 1));
        }
    }

    private void ws()
    {
        while (i < s.length() && Character.isWhitespace(s.charAt(i)))
        {
            i++;
        }
    }
}

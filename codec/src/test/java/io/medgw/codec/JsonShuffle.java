package io.medgw.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Test tools: re-serialize JSON with object keys in a random order; dump a request's fields. */
public final class JsonShuffle
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonShuffle()
    {
    }

    /** Number tokens keep their exact text. */
    private record Num(String text)
    {
    }

    /**
     * @param json   an object.
     * @param random order source.
     * @return the same JSON with every object's keys shuffled (array order kept, number text kept).
     */
    public static String shuffle(final String json, final SplittableRandom random)
    {
        try (JsonParser p = FACTORY.createParser(json))
        {
            final Object tree = read(p, p.nextToken());
            final StringWriter out = new StringWriter();
            try (JsonGenerator g = FACTORY.createGenerator(out))
            {
                write(g, tree, random);
            }
            return out.toString();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(final JsonParser p, final JsonToken t) throws IOException
    {
        switch (t)
        {
            case START_OBJECT:
                final Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME)
                {
                    final String name = p.currentName();
                    m.put(name, read(p, p.nextToken()));
                }
                return m;
            case START_ARRAY:
                final List<Object> l = new ArrayList<>();
                JsonToken et;
                while ((et = p.nextToken()) != JsonToken.END_ARRAY)
                {
                    l.add(read(p, et));
                }
                return l;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NULL:
                return null;
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return new Num(p.getText());
        }
    }

    @SuppressWarnings("unchecked")
    private static void write(final JsonGenerator g, final Object v, final SplittableRandom random) throws IOException
    {
        if (v instanceof Map)
        {
            final List<Map.Entry<String, Object>> entries = new ArrayList<>(((Map<String, Object>)v).entrySet());
            for (int i = entries.size() - 1; i > 0; i--)
            {
                final int j = random.nextInt(i + 1);
                final Map.Entry<String, Object> tmp = entries.get(i);
                entries.set(i, entries.get(j));
                entries.set(j, tmp);
            }
            g.writeStartObject();
            for (final Map.Entry<String, Object> e : entries)
            {
                g.writeFieldName(e.getKey());
                write(g, e.getValue(), random);
            }
            g.writeEndObject();
        }
        else if (v instanceof List)
        {
            g.writeStartArray();
            for (final Object o : (List<Object>)v)
            {
                write(g, o, random);
            }
            g.writeEndArray();
        }
        else if (v instanceof Num)
        {
            g.writeNumber(((Num)v).text());
        }
        else if (v instanceof Boolean)
        {
            g.writeBoolean((Boolean)v);
        }
        else if (v == null)
        {
            g.writeNull();
        }
        else
        {
            g.writeString((String)v);
        }
    }

    /** @param req a decoded request. @return every public field and every line's, as text. */
    public static String dump(final SettlementRequest req)
    {
        final StringBuilder sb = new StringBuilder();
        fields(sb, req);
        for (int i = 0; i < req.lineCount(); i++)
        {
            sb.append("\nline ").append(i).append(':');
            fields(sb, req.line(i));
        }
        return sb.toString();
    }

    private static void fields(final StringBuilder sb, final Object o)
    {
        for (final Field f : o.getClass().getFields())
        {
            if (Modifier.isStatic(f.getModifiers()))
            {
                continue;
            }
            try
            {
                final Object v = f.get(o);
                sb.append(' ').append(f.getName()).append('=').append(v instanceof byte[] ? Arrays.toString((byte[])v) : v);
            }
            catch (final IllegalAccessException e)
            {
                throw new IllegalStateException(e);
            }
        }
        if (o instanceof FeeLine)
        {
            sb.append(" badField=").append(((FeeLine)o).badField());
        }
    }
}

package io.medgw.codec.reply;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.medgw.codec.Decimals;
import io.medgw.codec.message.SettlementRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a response envelope back (load generator, end-to-end tests, tools): every scalar is kept
 * as text under its flattened path ({@code infcode}, {@code output.setlinfo.medfee_sumamt},
 * {@code output.setldetail[0].fund_payamt}), JSON null as a null value. Accepts {@code infcode} as a
 * number or a string, as platforms send both. Allocates per read: not for the gateway's hot path.
 * Reusable; single-threaded.
 */
public final class ResponseReader
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Integer> arraySizes = new LinkedHashMap<>();
    private final Set<String> numbers = new HashSet<>();
    private final StringBuilder path = new StringBuilder(64);

    /**
     * @param buf bytes of one response.
     * @param off first byte.
     * @param len length.
     * @return this.
     * @throws UncheckedIOException when the bytes are not a JSON object.
     */
    public ResponseReader read(final byte[] buf, final int off, final int len)
    {
        values.clear();
        arraySizes.clear();
        numbers.clear();
        path.setLength(0);
        try (JsonParser p = FACTORY.createParser(buf, off, len))
        {
            if (p.nextToken() != JsonToken.START_OBJECT)
            {
                throw new IOException("response is not a JSON object");
            }
            object(p);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** @param sink an encoder's output. @return this. */
    public ResponseReader read(final ByteSink sink)
    {
        return read(sink.buffer(), 0, sink.length());
    }

    private void object(final JsonParser p) throws IOException
    {
        final int mark = path.length();
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            if (mark > 0)
            {
                path.append('.');
            }
            path.append(p.currentName());
            value(p, p.nextToken());
            path.setLength(mark);
        }
    }

    private void value(final JsonParser p, final JsonToken t) throws IOException
    {
        if (t == JsonToken.START_OBJECT)
        {
            object(p);
        }
        else if (t == JsonToken.START_ARRAY)
        {
            final String arrayPath = path.toString();
            final int mark = path.length();
            int i = 0;
            JsonToken et;
            while ((et = p.nextToken()) != JsonToken.END_ARRAY && et != null)
            {
                path.append('[').append(i++).append(']');
                value(p, et);
                path.setLength(mark);
            }
            arraySizes.put(arrayPath, i);
        }
        else
        {
            final String key = path.toString();
            values.put(key, t == JsonToken.VALUE_NULL ? null : p.getText());
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)
            {
                numbers.add(key);
            }
        }
    }

    /** @return {@code infcode} (number or numeric string), or {@link Integer#MIN_VALUE} when absent or not a number. */
    public int infcode()
    {
        final long v = Decimals.parse(values.getOrDefault("infcode", ""), 0);
        return Decimals.isError(v) ? Integer.MIN_VALUE : (int)v;
    }

    /** @return {@code err_msg}, or null. */
    public String errMsg()
    {
        return values.get("err_msg");
    }

    /** @return {@code inf_refmsgid}, or null. */
    public String infRefmsgid()
    {
        return values.get("inf_refmsgid");
    }

    /** @return {@code output.setlinfo.setl_id}, or null. */
    public String setlId()
    {
        return values.get("output.setlinfo.setl_id");
    }

    /** @param path a flattened path. @return true when the response has it (even as null). */
    public boolean has(final String path)
    {
        return values.containsKey(path);
    }

    /** @param path a flattened path ({@code output.signinoutb.sign_no}). @return its text, or null. */
    public String text(final String path)
    {
        return values.get(path);
    }

    /**
     * @param path a flattened path to an amount.
     * @return it in fen, or {@link SettlementRequest#ABSENT} when absent, null or not whole fen.
     */
    public long fen(final String path)
    {
        final String v = values.get(path);
        if (v == null)
        {
            return SettlementRequest.ABSENT;
        }
        final long fen = Decimals.parse(v, 2);
        return Decimals.isError(fen) ? SettlementRequest.ABSENT : fen;
    }

    /** @param path a flattened path to an array. @return its number of elements, or -1 when absent. */
    public int size(final String path)
    {
        return arraySizes.getOrDefault(path, -1);
    }

    /**
     * @return every amount of {@code output.setlinfo} in fen, by field name (the ratio
     * {@code pool_prop_selfpay} and {@code age} left out). A new map.
     */
    public Map<String, Long> setlinfoFen()
    {
        final String prefix = "output.setlinfo.";
        final Map<String, Long> out = new LinkedHashMap<>();
        for (final Map.Entry<String, String> e : values.entrySet())
        {
            final String key = e.getKey();
            if (key.startsWith(prefix) && numbers.contains(key) && !key.endsWith(".age") &&
                !key.endsWith(".pool_prop_selfpay"))
            {
                final long fen = Decimals.parse(e.getValue(), 2);
                if (!Decimals.isError(fen))
                {
                    out.put(key.substring(prefix.length()), fen);
                }
            }
        }
        return out;
    }

    /** @param path a flattened path. @return true when its value was a JSON number (not a string). */
    public boolean isNumber(final String path)
    {
        return numbers.contains(path);
    }

    /** @return every flattened scalar read (unmodifiable view). */
    public Map<String, String> values()
    {
        return Collections.unmodifiableMap(values);
    }
}

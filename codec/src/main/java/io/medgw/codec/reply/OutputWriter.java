package io.medgw.codec.reply;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import io.medgw.codec.Dates;
import io.medgw.codec.Decimals;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes fields of the {@code output} node opened by {@link ResponseEncoder#beginOutput()}: each
 * helper writes one field of the current object in the wire's conventions (money as yuan with 2
 * decimals, ratios 4, unit prices 6, quantities 4, dates {@code yyyy-MM-dd}, date-times
 * {@code yyyy-MM-dd HH:mm:ss}, null for absent text). Numbers go from the integer unit to text
 * without binary fractions and without allocating. Obtained from {@link ResponseEncoder#output()};
 * same thread as its encoder.
 */
public final class OutputWriter
{
    private final StringBuilder text = new StringBuilder(256);
    private final SettlementOutputWriter settlement = new SettlementOutputWriter(this);
    private char[] chars = new char[256];
    private JsonGenerator gen;

    void use(final JsonGenerator generator)
    {
        this.gen = generator;
    }

    /** @param name field. @param value text, or null. */
    public void writeString(final String name, final String value)
    {
        try
        {
            gen.writeFieldName(name);
            textValue(value);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** @param name field written as JSON null. */
    public void writeNull(final String name)
    {
        writeString(name, null);
    }

    /** @param name field. @param fen amount in fen, written as yuan with 2 decimals (-2510 → -25.10). */
    public void writeFen(final String name, final long fen)
    {
        writeScaled(name, fen, 2);
    }

    /** @param name field. @param bp ratio in basis points, written with 4 decimals (1500 → 0.1500). */
    public void writeRatio(final String name, final int bp)
    {
        writeScaled(name, bp, 4);
    }

    /** @param name field. @param micro unit price in micro-yuan, written with 6 decimals. */
    public void writeMicro(final String name, final long micro)
    {
        writeScaled(name, micro, 6);
    }

    /** @param name field. @param quantity4 quantity × 10,000, written with 4 decimals. */
    public void writeQuantity(final String name, final long quantity4)
    {
        writeScaled(name, quantity4, 4);
    }

    /** @param name field. @param value an integer (counts, years). */
    public void writeLong(final String name, final long value)
    {
        writeScaled(name, value, 0);
    }

    /** @param name field. @param epochDay a date, or {@link Dates#NOT_A_DATE} for null. */
    public void writeDate(final String name, final int epochDay)
    {
        try
        {
            gen.writeFieldName(name);
            if (epochDay == Dates.NOT_A_DATE)
            {
                gen.writeNull();
                return;
            }
            text.setLength(0);
            charsValue(Dates.appendDate(text, epochDay), Integer.MAX_VALUE);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** @param name field. @param localEpochSecond a local date-time, or {@link SettlementRequest#ABSENT} for null. */
    public void writeDateTime(final String name, final long localEpochSecond)
    {
        try
        {
            gen.writeFieldName(name);
            dateTimeValue(localEpochSecond);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens {@code name: {…}}. @param name field. */
    public void beginObject(final String name)
    {
        try
        {
            gen.writeObjectFieldStart(name);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens an object as the next element of the current array. */
    public void beginObject()
    {
        try
        {
            gen.writeStartObject();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the current object. */
    public void endObject()
    {
        try
        {
            gen.writeEndObject();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens {@code name: […]}. @param name field. */
    public void beginArray(final String name)
    {
        try
        {
            gen.writeArrayFieldStart(name);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the current array. */
    public void endArray()
    {
        try
        {
            gen.writeEndArray();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one per-line result object (§3.3 shape) as the next element of the current array. @param line a priced line */
    public void writeFeeLine(final FeeLine line)
    {
        try
        {
            settlement.line(line);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private void writeScaled(final String name, final long value, final int scale)
    {
        try
        {
            gen.writeFieldName(name);
            scaledValue(value, scale);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    // ---- package-private primitives (the encoder's own nodes) ----

    SettlementOutputWriter settlement()
    {
        return settlement;
    }

    void field(final SerializableString name) throws IOException
    {
        gen.writeFieldName(name);
    }

    void nullValue() throws IOException
    {
        gen.writeNull();
    }

    void textValue(final String value) throws IOException
    {
        if (value == null)
        {
            gen.writeNull();
        }
        else
        {
            gen.writeString(value);
        }
    }

    void scaledValue(final long value, final int scale) throws IOException
    {
        gen.writeNumber(chars, 0, Decimals.format(value, scale, chars, 0));
    }

    void dateTimeValue(final long localEpochSecond) throws IOException
    {
        if (localEpochSecond == SettlementRequest.ABSENT)
        {
            gen.writeNull();
            return;
        }
        text.setLength(0);
        charsValue(Dates.appendDateTime(text, localEpochSecond), Integer.MAX_VALUE);
    }

    /** Writes the first {@code max} chars of {@code sb} as a JSON string without creating a String. */
    void charsValue(final StringBuilder sb, final int max) throws IOException
    {
        int n = Math.min(sb.length(), max);
        if (n < sb.length() && n > 0 && Character.isHighSurrogate(sb.charAt(n - 1)))
        {
            n--; // never cut a surrogate pair in half
        }
        if (chars.length < n)
        {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        sb.getChars(0, n, chars, 0);
        gen.writeString(chars, 0, n);
    }

    void startObject() throws IOException
    {
        gen.writeStartObject();
    }

    void startArray(final SerializableString name) throws IOException
    {
        gen.writeFieldName(name);
        gen.writeStartArray();
    }

    void end(final boolean array) throws IOException
    {
        if (array)
        {
            gen.writeEndArray();
        }
        else
        {
            gen.writeEndObject();
        }
    }
}

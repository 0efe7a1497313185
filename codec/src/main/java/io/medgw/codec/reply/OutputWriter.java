package io.medgw.codec.reply;

import io.medgw.codec.Dates;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;

/**
 * Writes fields of the {@code output} node opened by {@link ResponseEncoder#beginOutput()}: each
 * helper writes one field of the current object in the wire's conventions (money as yuan with 2
 * decimals, ratios 4, unit prices 6, quantities 4, dates {@code yyyy-MM-dd}, date-times
 * {@code yyyy-MM-dd HH:mm:ss}, null for absent text). Numbers go from the integer unit to text
 * without binary fractions and without allocating. Obtained from {@link ResponseEncoder#output()};
 * same thread as its encoder. Writing out of place (a name inside an array, the wrong end)
 * throws {@link IllegalStateException}.
 */
public final class OutputWriter
{
    private final StringBuilder text = new StringBuilder(256);
    private final SettlementOutputWriter settlement = new SettlementOutputWriter(this);
    private final JsonWriter json;

    OutputWriter(final JsonWriter json)
    {
        this.json = json;
    }

    /** @param name field. @param value text, or null. */
    public void writeString(final String name, final String value)
    {
        json.field(name);
        textValue(value);
    }

    /** @param name field written as JSON null. */
    public void writeNull(final String name)
    {
        writeString(name, null);
    }

    /** @param name field. @param fen amount in fen, written as yuan with 2 decimals (-2510 → -25.10). */
    public void writeFen(final String name, final long fen)
    {
        writeDecimal(name, fen, 2);
    }

    /** @param name field. @param bp ratio in basis points, written with 4 decimals (1500 → 0.1500). */
    public void writeRatio(final String name, final int bp)
    {
        writeDecimal(name, bp, 4);
    }

    /** @param name field. @param micro unit price in micro-yuan, written with 6 decimals. */
    public void writeMicro(final String name, final long micro)
    {
        writeDecimal(name, micro, 6);
    }

    /** @param name field. @param quantity4 quantity × 10,000, written with 4 decimals. */
    public void writeQuantity(final String name, final long quantity4)
    {
        writeDecimal(name, quantity4, 4);
    }

    /** @param name field. @param value an integer (counts, years). */
    public void writeLong(final String name, final long value)
    {
        writeDecimal(name, value, 0);
    }

    /**
     * @param name  field.
     * @param value the number × 10^scale (age 35 at scale 1 is 350 → {@code 35.0}).
     * @param scale decimals written (0..18).
     */
    public void writeDecimal(final String name, final long value, final int scale)
    {
        json.field(name);
        scaledValue(value, scale);
    }

    /** @param name field. @param epochDay a date, or {@link Dates#NOT_A_DATE} for null. */
    public void writeDate(final String name, final int epochDay)
    {
        json.field(name);
        if (epochDay == Dates.NOT_A_DATE)
        {
            json.nullValue();
            return;
        }
        text.setLength(0);
        charsValue(Dates.appendDate(text, epochDay), Integer.MAX_VALUE);
    }

    /** @param name field. @param localEpochSecond a local date-time, or {@link SettlementRequest#ABSENT} for null. */
    public void writeDateTime(final String name, final long localEpochSecond)
    {
        json.field(name);
        dateTimeValue(localEpochSecond);
    }

    /** Opens {@code name: {…}}. @param name field. */
    public void beginObject(final String name)
    {
        json.field(name);
        json.startObject();
    }

    /** Opens an object as the next element of the current array. */
    public void beginObject()
    {
        json.startObject();
    }

    /** Closes the current object. */
    public void endObject()
    {
        json.endObject();
    }

    /** Opens {@code name: […]}. @param name field. */
    public void beginArray(final String name)
    {
        json.field(name);
        json.startArray();
    }

    /** Closes the current array. */
    public void endArray()
    {
        json.endArray();
    }

    /** Writes one per-line result object (§3.3 shape) as the next element of the current array. @param line a priced line */
    public void writeFeeLine(final FeeLine line)
    {
        settlement.line(line);
    }

    // ---- package-private primitives (the encoder's own nodes) ----

    SettlementOutputWriter settlement()
    {
        return settlement;
    }

    void field(final byte[] quotedName)
    {
        json.field(quotedName);
    }

    void nullValue()
    {
        json.nullValue();
    }

    void textValue(final String value)
    {
        if (value == null)
        {
            json.nullValue();
        }
        else
        {
            json.string(value);
        }
    }

    void scaledValue(final long value, final int scale)
    {
        json.decimal(value, scale);
    }

    void dateTimeValue(final long localEpochSecond)
    {
        if (localEpochSecond == SettlementRequest.ABSENT)
        {
            json.nullValue();
            return;
        }
        text.setLength(0);
        charsValue(Dates.appendDateTime(text, localEpochSecond), Integer.MAX_VALUE);
    }

    /** Writes the first {@code max} chars of {@code sb} as a JSON string without creating a String. */
    void charsValue(final StringBuilder sb, final int max)
    {
        int n = Math.min(sb.length(), max);
        if (n < sb.length() && n > 0 && Character.isHighSurrogate(sb.charAt(n - 1)))
        {
            n--; // never cut a surrogate pair in half
        }
        json.string(sb, n);
    }

    void startObject()
    {
        json.startObject();
    }

    void startArray(final byte[] quotedName)
    {
        json.field(quotedName);
        json.startArray();
    }

    void end(final boolean array)
    {
        if (array)
        {
            json.endArray();
        }
        else
        {
            json.endObject();
        }
    }
}

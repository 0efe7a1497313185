package io.medgw.ledger.record;

import org.agrona.DirectBuffer;

import static io.medgw.ledger.record.LedgerRecordLayout.BYTE_ORDER;
import static io.medgw.ledger.record.LedgerRecordLayout.NULL_STRING_LENGTH;
import static io.medgw.ledger.record.LedgerRecordLayout.SAME_AS_PREVIOUS_LINE;

/**
 * Sequential little-endian reader over one record, checking every field against the record end.
 * Allocates only the Strings it returns. One per decoder.
 */
final class ReadCursor
{
    private byte[] scratch = new byte[256];
    private DirectBuffer buffer;
    private int start;
    private int pos;
    private int limit;
    private boolean lineRepeats;

    /**
     * @param buffer      holding the record.
     * @param start       where the record starts (for messages).
     * @param pos         first byte to read.
     * @param limit       end of the record.
     * @param lineRepeats whether fee-line strings may be {@link LedgerRecordLayout#SAME_AS_PREVIOUS_LINE}
     *                    (format version 2).
     */
    void wrap(final DirectBuffer buffer, final int start, final int pos, final int limit, final boolean lineRepeats)
    {
        this.buffer = buffer;
        this.start = start;
        this.pos = pos;
        this.limit = limit;
        this.lineRepeats = lineRepeats;
    }

    int remaining()
    {
        return limit - pos;
    }

    /**
     * @param bytes about to be read as fixed fields.
     * @throws LedgerFormatException when they run past the record end.
     */
    void need(final int bytes)
    {
        if (pos + bytes > limit)
        {
            throw new LedgerFormatException("field at " + (pos - start) + " runs past the record end");
        }
    }

    long getLong()
    {
        final long value = buffer.getLong(pos, BYTE_ORDER);
        pos += 8;
        return value;
    }

    int getInt()
    {
        final int value = buffer.getInt(pos, BYTE_ORDER);
        pos += 4;
        return value;
    }

    boolean getBoolean()
    {
        return buffer.getByte(pos++) != 0;
    }

    /** @return a new array with the bytes, or null. */
    byte[] bytes()
    {
        final int len = Utf8Strings.length(buffer, pos, limit);
        pos += 4;
        if (len == NULL_STRING_LENGTH)
        {
            return null;
        }
        final byte[] value = new byte[len];
        buffer.getBytes(pos, value);
        pos += len;
        return value;
    }

    /** Skips a string without decoding it. */
    void skipString()
    {
        final int len = Utf8Strings.length(buffer, pos, limit);
        pos += 4;
        if (len != NULL_STRING_LENGTH)
        {
            pos += len;
        }
    }

    /**
     * A fee-line string, which may repeat the previous line's.
     *
     * @param firstLine true for the first line (no marker allowed there).
     * @param previous  the same field of the previous line, as decoded.
     * @return the text, or null.
     */
    String lineString(final boolean firstLine, final String previous)
    {
        if (!firstLine && atRepeatMarker())
        {
            if (previous == null)
            {
                throw new LedgerFormatException("line string at " + (pos - start) + " repeats a null or undecoded value");
            }
            pos += 4;
            return previous;
        }
        return string();
    }

    /**
     * Skips a fee-line string without decoding it.
     *
     * @param firstLine true for the first line (no marker allowed there).
     */
    void skipLineString(final boolean firstLine)
    {
        if (!firstLine && atRepeatMarker())
        {
            pos += 4;
            return;
        }
        skipString();
    }

    private boolean atRepeatMarker()
    {
        return lineRepeats && pos + 4 <= limit && buffer.getInt(pos, BYTE_ORDER) == SAME_AS_PREVIOUS_LINE;
    }

    String string()
    {
        final int len = Utf8Strings.length(buffer, pos, limit);
        pos += 4;
        if (len == NULL_STRING_LENGTH)
        {
            return null;
        }
        if (len > scratch.length)
        {
            scratch = new byte[Math.max(len, scratch.length * 2)];
        }
        final String value = Utf8Strings.get(buffer, pos, len, scratch);
        pos += len;
        return value;
    }
}

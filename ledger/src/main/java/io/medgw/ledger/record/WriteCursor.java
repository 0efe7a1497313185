package io.medgw.ledger.record;

import org.agrona.MutableDirectBuffer;

import static io.medgw.ledger.record.LedgerRecordLayout.BYTE_ORDER;

/** Sequential little-endian writer over a buffer; allocates nothing. One per encoder. */
final class WriteCursor
{
    private MutableDirectBuffer buffer;
    private int pos;

    void wrap(final MutableDirectBuffer buffer, final int pos)
    {
        this.buffer = buffer;
        this.pos = pos;
    }

    int pos()
    {
        return pos;
    }

    void putLong(final long value)
    {
        buffer.putLong(pos, value, BYTE_ORDER);
        pos += 8;
    }

    void putInt(final int value)
    {
        buffer.putInt(pos, value, BYTE_ORDER);
        pos += 4;
    }

    void putBoolean(final boolean value)
    {
        buffer.putByte(pos, value ? (byte)1 : (byte)0);
        pos += 1;
    }

    void bytes(final byte[] value)
    {
        if (value == null)
        {
            putInt(LedgerRecordLayout.NULL_STRING_LENGTH);
            return;
        }
        putInt(value.length);
        buffer.putBytes(pos, value);
        pos += value.length;
    }

    void string(final CharSequence value)
    {
        pos += Utf8Strings.put(buffer, pos, value);
    }

    /**
     * A fee-line string: the bare marker {@link LedgerRecordLayout#SAME_AS_PREVIOUS_LINE} when it
     * equals that field of the previous line, else an ordinary string.
     *
     * @param value    the text, or null.
     * @param previous the same field of the previous line, or null (always null for the first line).
     */
    void lineString(final String value, final String previous)
    {
        if (value != null && previous != null && value.equals(previous))
        {
            putInt(LedgerRecordLayout.SAME_AS_PREVIOUS_LINE);
            return;
        }
        string(value);
    }
}

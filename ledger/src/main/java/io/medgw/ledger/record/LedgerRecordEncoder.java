package io.medgw.ledger.record;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import org.agrona.MutableDirectBuffer;

import static io.medgw.ledger.record.LedgerRecordLayout.*;

/**
 * Writes one ledger record (a request, its result and a header) into a buffer, in the layout of
 * {@link LedgerRecordLayout}:
 * <pre>
 *  +--------+---------+-------------+---------------------------+----------------------------+
 *  | header | refVer. | request     | lines (76 B + 12 strings) | result + fund rows + N rows|
 *  | 40 B   | string  | 101 B + 51  |  x lineCount              | 269 B + 24 strings + ...   |
 *  |        |         | str + bytes |                           | + explain                  |
 *  +--------+---------+-------------+---------------------------+----------------------------+
 * </pre>
 * Allocates nothing: strings are encoded to UTF-8 char by char. Over an expandable buffer the
 * buffer grows as needed; over a fixed buffer a record that does not fit throws
 * {@link IndexOutOfBoundsException}. One instance per thread; reusable with {@link #wrap}.
 */
public final class LedgerRecordEncoder
{
    private final RecordChecksum checksum = new RecordChecksum();
    private final WriteCursor cursor = new WriteCursor();
    private MutableDirectBuffer buffer;
    private int offset;
    private int length;

    /**
     * @param buffer to write into.
     * @param offset where the record starts.
     * @return this.
     */
    public LedgerRecordEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = 0;
        return this;
    }

    /** @return the buffer written into. */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /** @return the length of the last record encoded. */
    public int encodedLength()
    {
        return length;
    }

    /**
     * Encodes a whole record at the wrapped offset.
     *
     * @param sequence     the ledger sequence (1 for the first record ever).
     * @param appendTimeMs wall-clock append time, epoch ms.
     * @param req          the decoded request (with pricing outputs in its fee lines).
     * @param res          its result.
     * @return the record length in bytes.
     */
    public int encode(final long sequence, final long appendTimeMs, final SettlementRequest req,
        final SettlementResult res)
    {
        buffer.putShort(offset + VERSION_OFFSET, FORMAT_VERSION, BYTE_ORDER);
        buffer.putShort(offset + HEADER_LENGTH_OFFSET, (short)HEADER_LENGTH, BYTE_ORDER);
        buffer.putInt(offset + TYPE_OFFSET, req.txn, BYTE_ORDER);
        buffer.putInt(offset + FLAGS_OFFSET, flags(res), BYTE_ORDER);
        buffer.putInt(offset + RESERVED_OFFSET, 0, BYTE_ORDER);
        buffer.putLong(offset + SEQUENCE_OFFSET, sequence, BYTE_ORDER);
        buffer.putLong(offset + APPEND_TIME_OFFSET, appendTimeMs, BYTE_ORDER);

        cursor.wrap(buffer, offset + HEADER_LENGTH);
        cursor.string(res.refVersion);
        RequestSection.write(cursor, req);
        ResultSection.write(cursor, res);

        length = cursor.pos() - offset;
        buffer.putInt(offset + RECORD_LENGTH_OFFSET, length, BYTE_ORDER);
        buffer.putInt(offset + CHECKSUM_OFFSET,
            checksum.compute(buffer, offset + CHECKSUM_FROM, length - CHECKSUM_FROM), BYTE_ORDER);
        return length;
    }

    /**
     * @param res a result.
     * @return the header flags the encoder derives from it.
     */
    public static int flags(final SettlementResult res)
    {
        int flags = 0;
        if (!res.ok())
        {
            flags |= FLAG_REFUSED;
        }
        if (res.sign < 0)
        {
            flags |= FLAG_REVERSAL;
        }
        if (res.sign != 0)
        {
            flags |= FLAG_MONEY;
        }
        if (ResultSection.hasExplain(res))
        {
            flags |= FLAG_EXPLAIN;
        }
        return flags;
    }
}

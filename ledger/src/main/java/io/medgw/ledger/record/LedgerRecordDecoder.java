package io.medgw.ledger.record;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import org.agrona.DirectBuffer;

import static io.medgw.ledger.record.LedgerRecordLayout.*;

/**
 * Reads one ledger record written by {@link LedgerRecordEncoder} (layout in
 * {@link LedgerRecordLayout}). The header getters read fixed offsets and allocate nothing;
 * {@link #decode} checks the record first (version, length, CRC-32C) and then fills a cleared
 * request and result, allocating only the decoded Strings (and a fee line or an explain buffer
 * past the target's pooled capacity). One instance per thread; reusable with {@link #wrap}.
 */
public final class LedgerRecordDecoder
{
    private final RecordChecksum checksum = new RecordChecksum();
    private final ReadCursor cursor = new ReadCursor();
    private DirectBuffer buffer;
    private int offset;
    private int length;

    /**
     * @param buffer holding the record.
     * @param offset where the record starts.
     * @param length the bytes available for it (the excerpt length).
     * @return this.
     */
    public LedgerRecordDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        return this;
    }

    /** @return the format version of the wrapped record. */
    public int formatVersion()
    {
        return buffer.getShort(offset + VERSION_OFFSET, BYTE_ORDER);
    }

    /** @return the header length (40 in versions 1 and 2). */
    public int headerLength()
    {
        return buffer.getShort(offset + HEADER_LENGTH_OFFSET, BYTE_ORDER);
    }

    /** @return the record length stored in the header. */
    public int recordLength()
    {
        return buffer.getInt(offset + RECORD_LENGTH_OFFSET, BYTE_ORDER);
    }

    /** @return the stored CRC-32C. */
    public int checksum()
    {
        return buffer.getInt(offset + CHECKSUM_OFFSET, BYTE_ORDER);
    }

    /** @return the record type: the request's numeric transaction (2207, 2208, ...). */
    public int type()
    {
        return buffer.getInt(offset + TYPE_OFFSET, BYTE_ORDER);
    }

    /** @return the {@code FLAG_*} bits of {@link LedgerRecordLayout}. */
    public int flags()
    {
        return buffer.getInt(offset + FLAGS_OFFSET, BYTE_ORDER);
    }

    /** @return the ledger sequence (1 for the first record ever written). */
    public long sequence()
    {
        return buffer.getLong(offset + SEQUENCE_OFFSET, BYTE_ORDER);
    }

    /** @return the wall-clock append time, epoch ms. */
    public long appendTimeMs()
    {
        return buffer.getLong(offset + APPEND_TIME_OFFSET, BYTE_ORDER);
    }

    /**
     * Checks the version (1 or 2), the lengths and the CRC-32C.
     *
     * @throws LedgerFormatException when the record is damaged or of an unknown format version.
     */
    public void verify()
    {
        if (length < HEADER_LENGTH)
        {
            throw new LedgerFormatException("record of " + length + " bytes is shorter than the header");
        }
        final int version = formatVersion();
        if (version != FORMAT_VERSION && version != FORMAT_VERSION_1)
        {
            throw new LedgerFormatException("format version " + version + ", this reader knows " +
                FORMAT_VERSION_1 + " and " + FORMAT_VERSION);
        }
        if (headerLength() < HEADER_LENGTH || headerLength() > length || recordLength() != length)
        {
            throw new LedgerFormatException("header length " + headerLength() + " / record length " +
                recordLength() + " do not fit the " + length + " bytes read");
        }
        final int actual = checksum.compute(buffer, offset + CHECKSUM_FROM, length - CHECKSUM_FROM);
        if (actual != checksum())
        {
            throw new LedgerFormatException("CRC-32C mismatch: stored " + Integer.toHexString(checksum()) +
                ", computed " + Integer.toHexString(actual) + " (torn or damaged record)");
        }
    }

    /**
     * Verifies the record, then clears and fills {@code req} and {@code res}.
     *
     * @param req filled with the request (its fee lines carry the pricing outputs).
     * @param res filled with the result ({@code refVersion} comes from the header).
     * @throws LedgerFormatException when the record is damaged.
     */
    public void decode(final SettlementRequest req, final SettlementResult res)
    {
        decode(req, res, true);
    }

    /**
     * As {@link #decode(SettlementRequest, SettlementResult)}; with {@code full} false the request
     * keeps its numbers, {@code infno}, {@code msgid}, {@code fixmedins_code}, its data section and
     * each fee line's numbers and {@code feedetl_sn} (the other strings are skipped, not decoded, and
     * stay null), which is all a restart's state rebuild of a settlement needs. The result is
     * always decoded in full.
     *
     * @param req       filled with the request.
     * @param res       filled with the result.
     * @param full whether to decode every string of the request.
     */
    public void decode(final SettlementRequest req, final SettlementResult res, final boolean full)
    {
        verify();
        req.clear();
        res.clear();
        cursor.wrap(buffer, offset, offset + headerLength(), offset + length, formatVersion() >= FORMAT_VERSION);
        res.refVersion = cursor.string();
        req.txn = type();
        RequestSection.read(cursor, req, full);
        ResultSection.read(cursor, res);
        if (cursor.remaining() != 0)
        {
            throw new LedgerFormatException(cursor.remaining() + " bytes left after the last field");
        }
    }
}

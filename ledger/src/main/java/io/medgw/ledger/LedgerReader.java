package io.medgw.ledger;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.ledger.record.LedgerFormatException;

/**
 * Reads ledger records in order (restart, replay) or by index (duplicates, 5204-style queries).
 * Decoding clears the target objects first and allocates the decoded Strings.
 * <p>
 * <b>Threading.</b> One thread per reader. <b>Errors.</b> A damaged record makes {@link #next}
 * or {@link #readAt} throw {@link LedgerFormatException} carrying its index; the reader has then
 * moved past it, so the caller decides whether to stop (the default for replay) or skip it.
 */
public interface LedgerReader extends AutoCloseable
{
    /**
     * Reads the next record.
     *
     * @param req filled with the request.
     * @param res filled with the result.
     * @return false when there is no further record (yet).
     */
    boolean next(SettlementRequest req, SettlementResult res);

    /**
     * Reads the record at {@code index}; a later {@link #next} continues after it.
     *
     * @param index a record index as returned by {@link LedgerWriter#append}.
     * @param req   filled with the request.
     * @param res   filled with the result.
     * @return false when there is no record at that index.
     */
    boolean readAt(long index, SettlementRequest req, SettlementResult res);

    /**
     * Positions the reader just after {@code index} (restart from a snapshot that covers it).
     *
     * @param index a record index.
     * @return false when there is no record at that index (the position is then unspecified).
     */
    boolean moveAfter(long index);

    /** Moves back to the first record. */
    void toStart();

    /**
     * Reads every record from the current position to the end, into the reader's own reused
     * request and result.
     *
     * @param handler receives each record.
     * @return the number of records read.
     */
    long forEach(LedgerRecordHandler handler);

    /** @return the index of the last record read, or -1. */
    long lastIndex();

    /** @return the ledger sequence of the last record read, or 0. */
    long lastSequence();

    /** @return the append time (epoch ms) of the last record read, or 0. */
    long lastAppendTimeMs();

    /** @return the header flags of the last record read ({@code LedgerRecordLayout.FLAG_*}). */
    int lastFlags();

    /** Releases the reader (its Chronicle tailer). Idempotent. */
    @Override
    void close();

    /**
     * Decode the request in full only for records whose transaction the predicate accepts; other
     * records' requests keep their numbers, {@code infno}, {@code msgid}, {@code fixmedins_code},
     * the data section and each fee line's numbers and {@code feedetl_sn}, the rest stays null (a
     * restart's fast path: most of a record's bytes are strings the state rebuild never reads). The
     * result is always decoded in full.
     *
     * @param fullDecodeFor accepts the record types (txn) that need every request string.
     * @return this.
     */
    default LedgerReader fullDecodeOnlyFor(final java.util.function.IntPredicate fullDecodeFor)
    {
        return this;
    }
}

package io.medgw.ledger;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;

/**
 * The narrow journaling seam the gateway's ledger stage calls: append one record per
 * state-changing transaction, then commit the batch.
 * <p>
 * <b>Threading.</b> One writer per ledger, used by one thread only (the ledger handler's thread;
 * obtain it there, e.g. in {@code onStart}).
 * <p>
 * <b>Durability contract.</b> When {@link #append} returns, the record is written to the queue
 * and has its index and sequence; it is visible to readers. It is <i>durable</i> in the sense of
 * the configured {@link Durability} only after the next {@link #endOfBatch()} returns, so the caller
 * releases the replies of a batch only after that call (group commit: call it once per Disruptor
 * batch, when {@code endOfBatch} is true). A record appended but not committed may still be in
 * the ledger after a crash; the idempotency rules make that safe (the HIS retries the msgid and
 * gets the recorded answer).
 * <p>
 * <b>Failures.</b> Both methods throw {@link LedgerException}; after that the writer refuses all
 * further work (fail closed).
 */
public interface LedgerWriter
{
    /**
     * Appends one record: the request (with its fee lines' pricing outputs) and its result.
     * Allocates nothing in steady state.
     *
     * @param req        the decoded request.
     * @param res        its result ({@code res.refVersion} goes into the record header).
     * @param nowEpochMs wall-clock time to record as the append time.
     * @return the record's index (Chronicle index: cycle in the high bits; increasing, not dense).
     * @throws LedgerException when the record could not be written.
     */
    long append(SettlementRequest req, SettlementResult res, long nowEpochMs);

    /**
     * Commits every record appended so far: in {@link Durability#FSYNC} mode forces the queue file
     * to disk (only if something was appended since the last force); in {@link Durability#PROCESS}
     * mode does nothing.
     *
     * @throws LedgerException when the force failed.
     */
    void endOfBatch();

    /**
     * Work for the writer's thread when no event is waiting (the Agrona idle path, or a Disruptor
     * timeout): pre-faults a bounded number of pages of the queue file ahead of the write position,
     * through the writer's own mapping, so that a later {@link #append} does not take the page
     * fault (hundreds of microseconds for a new large folio; see docs/ledger.md §7). Touching writes
     * nothing (a compare-and-swap of 0 with 0 on pages no record has reached). Same thread as
     * {@link #append}; never needed for correctness.
     *
     * @return pages touched by this call (0 when far enough ahead or nothing to do): a work count.
     */
    int doIdleWork();
}

package io.medgw.gateway.pipeline;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.ResponseEncoder;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * What the pipeline needs from the non-settlement transactions (sign-in, visits, fee uploads,
 * queries, reconciliation, files). All methods but {@link #writeReply} run on the settle thread,
 * the one writer of business state; {@link #writeReply} runs on the reply thread and only reads what
 * {@link #process} left in the slot.
 */
public interface TransactionDeskAdapter
{
    /**
     * Handles a transaction the settlement core does not.
     *
     * @param e the started slot.
     * @return true if the transaction changed state and must be journaled.
     */
    boolean process(SettlementEvent e);

    /**
     * @param e a started settlement slot.
     * @return true if the desk already answered this (fixmedins_code, msgid) (a 9001, 2201, ...):
     * then a settlement reusing it is refused E3001 (settlement-rules.md §8).
     */
    boolean knowsMsgid(SettlementEvent e);

    /** Before a settlement: e.g. fill the request's fee lines from its visit. @param e the started slot. */
    void beforeSettlement(SettlementEvent e);

    /** After a journaled settlement or cancellation: e.g. mark the visit's lines settled. @param e the slot. */
    void afterSettlement(SettlementEvent e);

    /**
     * Re-applies one journaled record on restart (settlements included, for visit marks and indexes).
     *
     * @param req the record's request.
     * @param res the record's result.
     * @param ledgerIndex the record's ledger index.
     */
    void apply(SettlementRequest req, SettlementResult res, long ledgerIndex);

    /**
     * Encodes the answer of a transaction {@link #process} handled.
     *
     * @param e   the slot.
     * @param enc the reply thread's encoder, header already set.
     * @return the encoded response.
     */
    ByteSink writeReply(SettlementEvent e, ResponseEncoder enc);

    /**
     * @param e a slot this desk answered.
     * @return true when {@link #writeReply} wrote a file's raw bytes (9102), not a JSON envelope.
     */
    default boolean binaryReply(final SettlementEvent e)
    {
        return false;
    }

    /**
     * @return true when this desk can write and read its state in a snapshot ({@link #writeSnapshot});
     * the gateway takes snapshots only then.
     */
    default boolean snapshots()
    {
        return false;
    }

    /**
     * Writes everything this desk owns, so that {@link #readSnapshot} into a fresh desk gives a desk
     * that behaves, and digests, the same. Settle thread (or the starting thread before the pipeline runs).
     *
     * @param out the snapshot payload.
     * @throws IOException when writing fails.
     */
    default void writeSnapshot(final DataOutput out) throws IOException
    {
        throw new UnsupportedOperationException("this desk does not write snapshots");
    }

    /**
     * Fills a fresh desk (nothing applied yet) from what {@link #writeSnapshot} wrote.
     *
     * @param in the snapshot payload.
     * @throws IOException when the payload is damaged or not a desk section.
     */
    default void readSnapshot(final DataInput in) throws IOException
    {
        throw new UnsupportedOperationException("this desk does not read snapshots");
    }

    /** @return a deterministic hash of the desk's state (equal after a replay or a snapshot load); 0 if none. */
    default long digest()
    {
        return 0;
    }
}

package io.medgw.gateway.state;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.ledger.snapshot.SnapshotData;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Rules §8: (fixmedins_code, msgid) → the first answer, live while
 * {@code t − entry.inf_time ≤ retention}. Entries are dropped in the order they were remembered
 * once a later applied answer is past their window, so the live path and a restart replay drop
 * the same ones. One writer: {@link SettlementState}'s thread.
 */
final class IdempotencyTable
{
    private final long retentionSec;
    private final MsgIndex answers = new MsgIndex();
    private final ArrayDeque<SettlementRecord> order = new ArrayDeque<>();
    private final StringCanon canon;
    private final PackedLongs pack;

    IdempotencyTable(final long retentionSec, final StringCanon canon, final PackedLongs pack)
    {
        this.retentionSec = retentionSec;
        this.canon = canon;
        this.pack = pack;
    }

    long retentionSec()
    {
        return retentionSec;
    }

    SettlementRecord answer(final String fixmedinsCode, final String msgid, final long timeSec)
    {
        final SettlementRecord r = answers.get(fixmedinsCode, msgid);
        return r == null || timeSec - r.setlTime() > retentionSec ? null : r;
    }

    /**
     * @param req the request (key fields).
     * @param res the answer.
     * @param rec the record already made for it (a settlement or cancellation), or null.
     */
    void remember(final SettlementRequest req, final SettlementResult res, final SettlementRecord rec)
    {
        if (req.fixmedinsCode == null || req.msgid == null)
        {
            return;
        }
        final SettlementRecord existing = answers.get(req.fixmedinsCode, req.msgid);
        if (rec == null && existing != null && existing.sameBody(req.bodyDigestHi, req.bodyDigestLo) &&
            existing.setlTime() == res.setlTime && existing.error() == res.error && existing.sign() == res.sign)
        {
            return; // the answer to a re-send (a copy of the first one): already remembered
        }
        final SettlementRecord entry = rec != null ? rec : SettlementRecord.of(req, res, canon, pack);
        answers.put(req.fixmedinsCode, req.msgid, entry);
        order.addLast(entry);
    }

    void purge(final long timeSec)
    {
        SettlementRecord head;
        while ((head = order.peekFirst()) != null && timeSec - head.setlTime() > retentionSec)
        {
            order.pollFirst();
            answers.removeIf(head.fixmedinsCode(), head.msgid(), head);
        }
    }

    int size()
    {
        return answers.size();
    }

    /**
     * Writes one entry of the expiry order for the state: a settlement the state also keeps as a
     * record must come back as that same instance (its cancelled flag, and the identity
     * {@link #purge} compares), so the state chooses how.
     */
    interface EntryWriter
    {
        /** @param out the payload. @param rec an entry. @throws IOException when writing fails. */
        void write(DataOutput out, SettlementRecord rec) throws IOException;
    }

    /** Reads back what an {@link EntryWriter} wrote. */
    interface EntryReader
    {
        /** @param in the payload. @return the entry. @throws IOException when the payload is damaged. */
        SettlementRecord read(DataInput in) throws IOException;
    }

    /**
     * Writes the retention, then the expiry order, oldest first, each entry with whether it is
     * still the answer to its (fixmedins_code, msgid): entries a newer answer replaced stay in the
     * order, and their times still decide where a purge stops.
     *
     * @param out     the payload.
     * @param entries writes each entry.
     * @throws IOException when writing fails.
     */
    void writeTo(final DataOutput out, final EntryWriter entries) throws IOException
    {
        out.writeLong(retentionSec);
        out.writeInt(order.size());
        // each answer is in the order once, so when the counts agree every entry is live: no lookups
        // (a million random map probes were half the time of a snapshot)
        final boolean allLive = answers.size() == order.size();
        int live = 0;
        for (final SettlementRecord r : order)
        {
            final boolean answer = allLive || answers.holds(r);
            live += answer ? 1 : 0;
            out.writeBoolean(answer);
            entries.write(out, r);
        }
        if (live != answers.size())
        {
            // remember() and purge() keep every answer in the order: a snapshot must not drop one silently
            throw new IllegalStateException("idempotency answers outside the expiry order: " + (answers.size() - live));
        }
    }

    /**
     * Fills this fresh table from what {@link #writeTo} wrote.
     *
     * @param in      the payload.
     * @param entries reads each entry.
     * @throws IOException when the payload is damaged, or was written with another retention (a
     *                     replay under this retention would have kept other entries).
     */
    void readFrom(final DataInput in, final EntryReader entries) throws IOException
    {
        final long retention = in.readLong();
        if (retention != retentionSec)
        {
            throw new IOException("snapshot idempotency retention is " + retention + " s, this state's is " +
                retentionSec + " s");
        }
        final int n = SnapshotData.readCount(in);
        for (int i = 0; i < n; i++)
        {
            final boolean answer = in.readBoolean();
            final SettlementRecord r = entries.read(in);
            order.addLast(r);
            if (answer)
            {
                answers.put(r.fixmedinsCode(), r.msgid(), r);
            }
        }
    }

    boolean isEmpty()
    {
        return order.isEmpty();
    }

    long hash()
    {
        return answers.hash(0x1D3E_5A7BL);
    }
}

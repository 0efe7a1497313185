package io.medgw.gateway.state;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;

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

    long hash()
    {
        return answers.hash(0x1D3E_5A7BL);
    }
}

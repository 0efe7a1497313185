package io.medgw.gateway.settlement;

import com.lmax.disruptor.EventHandler;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.state.SettlementRecord;
import io.medgw.gateway.state.SettlementState;

/**
 * settlement-rules.md §8: a request already answered within the retention window — same
 * (fixmedins_code, msgid) — gets its first answer back and changes nothing; the same msgid with a
 * different body (infno or parsed input, compared by the decoder's body digest) is refused with
 * E3001 and changes nothing. Either way the slot is marked {@code answered} so no later stage
 * computes or applies.
 * <p>
 * Thread: the state thread. It overrides whatever an earlier stage wrote into the result, so in a
 * pipeline it may run after identity and pricing, as long as it runs before split and commit on
 * the state thread. Allocates nothing except the E3001 message.
 */
public final class IdempotencyCheck implements EventHandler<SettlementEvent>
{
    private final SettlementState state;

    /** @param state the settlement state (its idempotency table). */
    public IdempotencyCheck(final SettlementState state)
    {
        this.state = state;
    }

    @Override
    public void onEvent(final SettlementEvent event, final long sequence, final boolean endOfBatch)
    {
        onEvent(event);
    }

    /** @param e the slot; skipped for transactions the settlement core does not handle. */
    public void onEvent(final SettlementEvent e)
    {
        if (e.kind == SettlementEvent.KIND_OTHER || e.answered)
        {
            return;
        }
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        final SettlementRecord first = state.answer(req.fixmedinsCode, req.msgid, res.setlTime);
        if (first == null)
        {
            return;
        }
        e.answered = true;
        if (first.sameBody(req.bodyDigestHi, req.bodyDigestLo) && sameInfno(first.infno(), req.infno))
        {
            first.copyTo(res);
            if (res.explain != null)
            {
                res.explain.append("§8 re-sent msgid ").append(req.msgid).append(": the first answer is returned, nothing changes\n");
            }
            return;
        }
        res.clearAmounts();
        res.refuse(ErrorCode.E3001, "报文ID重复使用但内容不同：fixmedins_code=" + req.fixmedinsCode + " msgid=" + req.msgid +
            "，原交易 infno=" + first.infno() + " (msgid reused with a different body; send a new msgid for a new request)");
    }

    private static boolean sameInfno(final String a, final String b)
    {
        return a == null ? b == null : a.equals(b);
    }
}

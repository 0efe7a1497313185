package io.medgw.gateway.settlement;

import com.lmax.disruptor.EventHandler;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.state.SettlementState;

/**
 * The last state-thread step: gives a settlement (sign 1) its setl_id — and an mdtrt_id when the
 * request carried none — or a cancellation (sign -1) its own new setl_id, then calls
 * {@link SettlementState#apply} with the answer: a settlement or cancellation changes the
 * accumulators, balances and records; every answer but E3001 and system errors is remembered for
 * idempotency. Pre-settlements and refusals change nothing else. Slots already answered
 * (re-sends, E3001) and transactions outside the settlement core are left alone.
 * <p>
 * In the Disruptor pipeline the ledger append sits between split and this step in spirit: the
 * answer must be journaled before it is applied (or applied and journaled in the same batch
 * before replies are released); the same {@code apply} rebuilds the state on restart.
 * Allocates only the ids and the state's record.
 */
public final class CommitHandler implements EventHandler<SettlementEvent>
{
    private final SettlementState state;

    /** @param state the settlement state. */
    public CommitHandler(final SettlementState state)
    {
        this.state = state;
    }

    @Override
    public void onEvent(final SettlementEvent event, final long sequence, final boolean endOfBatch)
    {
        onEvent(event);
    }

    /** @param e the slot. */
    public void onEvent(final SettlementEvent e)
    {
        if (e.answered || e.kind == SettlementEvent.KIND_OTHER)
        {
            return;
        }
        final SettlementResult r = e.result;
        if (r.ok())
        {
            if (e.kind == SettlementEvent.KIND_SETTLE)
            {
                r.sign = 1;
                r.setlId = state.nextSetlId();
                if (r.mdtrtId == null)
                {
                    r.mdtrtId = state.nextMdtrtId();
                }
            }
            else if (r.sign == -1)
            {
                r.setlId = state.nextSetlId();
            }
            else
            {
                r.sign = 0;
                r.setlId = null;
            }
            if (r.explain != null && r.setlId != null)
            {
                r.explain.append("ids: setl_id ").append(r.setlId).append(", mdtrt_id ").append(r.mdtrtId).append('\n');
            }
        }
        state.apply(e.request, r);
    }
}

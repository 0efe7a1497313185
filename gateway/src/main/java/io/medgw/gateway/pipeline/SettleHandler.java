package io.medgw.gateway.pipeline;

import com.lmax.disruptor.EventHandler;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pricing.CataloguePricingHandler;
import io.medgw.gateway.reference.ReferenceDataHolder;
import io.medgw.gateway.settlement.SettlementEngine;

/**
 * The business stage and the one writer of all business state (accumulators, balances,
 * settlement records, idempotency, visits, sign-ins). For each slot it runs, in order,
 * idempotency → identity → pricing → split → commit (the engine's stage objects, one class each)
 * or the transaction desk for the non-settlement transactions, and decides whether the slot must be
 * journaled before its reply.
 * <p>
 * Thread: the "settle" thread. Reads {@code slot.event.request}, {@code slot.decodeError}; writes
 * {@code slot.event.*}, {@code slot.journal}, {@code slot.desk}.
 * <p>
 * The stages run on one thread on purpose: on the 2-core target machine an extra thread hop per
 * stage costs more than the stage itself (see docs/benchmarks.md).
 */
public final class SettleHandler implements EventHandler<PipelineSlot>
{
    private final SettlementEngine engine;
    private final TransactionDeskAdapter desk;
    private final ReferenceDataHolder reference;
    private final LocalClock clock;

    /**
     * @param engine    the settlement core.
     * @param desk      the non-settlement transactions.
     * @param reference current reference data (read once per request).
     * @param clock     local wall clock.
     */
    public SettleHandler(final SettlementEngine engine, final TransactionDeskAdapter desk,
        final ReferenceDataHolder reference, final LocalClock clock)
    {
        this.engine = engine;
        this.desk = desk;
        this.reference = reference;
        this.clock = clock;
    }

    @Override
    public void onEvent(final PipelineSlot slot, final long sequence, final boolean endOfBatch)
    {
        if (slot.snapshot != null)
        {
            slot.snapshot.capture(); // the state now includes every slot before this one
            return;
        }
        if (slot.decodeError != ErrorCode.NONE)
        {
            return;
        }
        final SettlementEvent e = slot.event;
        e.start(reference.current(), clock.nowLocalEpochSec());
        if (e.kind == SettlementEvent.KIND_OTHER)
        {
            slot.desk = true;
            // Refusals are answered, remembered in memory for re-sends, and not written (issue #4: bad input writes nothing).
            slot.journal = desk.process(e) && e.result.ok();
            return;
        }
        if (desk.knowsMsgid(e))
        {
            e.result.refuse(ErrorCode.E3001, "报文ID重复使用但内容不同：fixmedins_code=" + e.request.fixmedinsCode +
                " msgid=" + e.request.msgid + " (msgid already used by another transaction; send a new msgid)");
            return;
        }
        desk.beforeSettlement(e);
        engine.process(e);
        if (e.answered && e.result.ok() && e.computes())
        {
            CataloguePricingHandler.repriceAnswered(e);
        }
        slot.journal = journaled(e);
        if (slot.journal)
        {
            desk.afterSettlement(e);
        }
    }

    /** A settlement or cancellation that took effect is journaled; answers from memory, pre-settles and refusals are not. */
    static boolean journaled(final SettlementEvent e)
    {
        final SettlementResult r = e.result;
        return !e.answered && r.ok() && r.sign != 0 &&
            (e.kind == SettlementEvent.KIND_SETTLE || e.kind == SettlementEvent.KIND_CANCEL || e.kind == SettlementEvent.KIND_REVERSAL);
    }
}

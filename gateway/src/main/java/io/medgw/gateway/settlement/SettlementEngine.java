package io.medgw.gateway.settlement;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.identity.IdentityCheckHandler;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.pricing.CataloguePricingHandler;
import io.medgw.gateway.split.FundSplitHandler;
import io.medgw.gateway.state.SettlementState;

/**
 * The synchronous settlement core (settlement-rules.md): one call settles one request, running
 * the same stage objects the Disruptor pipeline runs, in the same order:
 * <pre>
 *   start         SettlementEvent.start(reference data, clock)
 *   1. idempotency  IdempotencyCheck   re-send → first answer; same msgid, other body → E3001
 *   2. by transaction:
 *      2206/2303/2101 pre-settle, 2207/2304/2102 settle:
 *        identity   IdentityCheckHandler    §1–§2 (E2001–E2005, E1001–E1071)
 *        pricing    CataloguePricingHandler §3
 *        split      FundSplitHandler        §4–§6 (reads the state)
 *      2208/2305/2103 cancel, 2601 冲正:
 *        cancel     CancelHandler           §7
 *      anything else: E5004 (not remembered)
 *   3. commit       CommitHandler      ids, then SettlementState.apply (pre-settle: idempotency only)
 * </pre>
 * A pipeline may run identity and pricing on their own threads; idempotency, split, cancel and
 * commit read or write the {@link SettlementState} and must all run on its one writer thread, in
 * that order (the idempotency check overrides whatever identity and pricing wrote).
 * <p>
 * <b>Ids.</b> setl_id is {@code prefix + 'S' + 12 digits}, mdtrt_id {@code prefix + 'M' + 12 digits}
 * (e.g. {@code S000000000001}), from sequences in the state that advance only when an answer is
 * applied: the same requests in the same order give the same ids, and a restart that re-applies the
 * ledger continues after the highest id seen. A settlement keeps the request's mdtrt_id when it
 * carries one; a cancellation gets a new setl_id and names the original in {@code origSetlId}.
 * <p>
 * Not thread-safe: one thread calls {@link #process}. No allocation per request beyond the ids, the
 * state's record and idempotency entry, refusal messages, and explanations when asked for.
 */
public final class SettlementEngine
{
    private final SettlementContext ctx;
    private final SettlementState state;
    private final IdempotencyCheck idempotency;
    private final IdentityCheckHandler identity;
    private final CataloguePricingHandler pricing;
    private final FundSplitHandler split;
    private final CancelHandler cancel;
    private final CommitHandler commit;
    private SettlementEvent slot;

    /** @param ctx the configuration; concluded here if it was not. */
    public SettlementEngine(final SettlementContext ctx)
    {
        this.ctx = ctx.conclude();
        this.state = ctx.state();
        this.idempotency = new IdempotencyCheck(state);
        this.identity = new IdentityCheckHandler(ctx.signInStatus(), ctx.maxClockSkewSec());
        this.pricing = new CataloguePricingHandler();
        this.split = new FundSplitHandler(state);
        this.cancel = new CancelHandler(state);
        this.commit = new CommitHandler(state);
    }

    /**
     * Settles one decoded request. {@code res} is cleared first (its explain buffer, when non-null,
     * is kept and filled with the rules applied). A request the decoder refused must not be passed.
     *
     * @param req              the decoded request.
     * @param res              receives the answer.
     * @param nowLocalEpochSec the gateway clock (local epoch seconds); only the E1024 check and a
     *                         request without inf_time use it.
     */
    public void process(final SettlementRequest req, final SettlementResult res, final long nowLocalEpochSec)
    {
        SettlementEvent e = slot;
        if (e == null || e.request != req || e.result != res)
        {
            e = new SettlementEvent(req, res);
            slot = e;
        }
        e.start(ctx.referenceDataSupplier().get(), nowLocalEpochSec);
        process(e);
    }

    /**
     * Runs every stage on a slot already {@link SettlementEvent#start started}.
     *
     * @param e the slot.
     */
    public void process(final SettlementEvent e)
    {
        idempotency.onEvent(e);
        switch (e.kind)
        {
            case SettlementEvent.KIND_PRE_SETTLE:
            case SettlementEvent.KIND_SETTLE:
                identity.onEvent(e);
                pricing.onEvent(e);
                split.onEvent(e);
                break;
            case SettlementEvent.KIND_CANCEL:
            case SettlementEvent.KIND_REVERSAL:
                cancel.onEvent(e);
                break;
            default:
                e.result.refuse(ErrorCode.E5004, "交易编号不属于结算交易：infno=" + e.request.infno +
                    " (unknown transaction for the settlement core)");
                break;
        }
        commit.onEvent(e);
    }

    /** @return the settlement state this engine applies to. */
    public SettlementState state()
    {
        return state;
    }

    /** @return the concluded context. */
    public SettlementContext context()
    {
        return ctx;
    }
}

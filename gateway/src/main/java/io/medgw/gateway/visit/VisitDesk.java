package io.medgw.gateway.visit;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.state.SettlementState;

/**
 * The visit transactions ({@link Registrations}, {@link FeeUploads}) and the glue a settlement of a
 * registered visit needs:
 * <ul>
 *   <li>{@link #fillLines} before a 2206/2207 (outpatient) or 2303/2304 (inpatient) that carries
 *   no fee lines: copies the visit's unsettled lines — for 2206/2207 the batch named by
 *   {@code chrg_bchno} (all unsettled when absent or "0000"), for 2303/2304 all — into the
 *   request, and completes its med_type and dise_codg from the visit;</li>
 *   <li>{@link #onSettlement} after a settlement (sign 1) took effect: the visit's lines named by
 *   the request are settled by its setl_id; after a cancellation or 冲正 (sign −1) the lines of
 *   the original are unsettled again.</li>
 * </ul>
 * Thread: the state-writer thread, for every method.
 */
public final class VisitDesk
{
    /** What {@link #fillLines} did. */
    public enum Fill
    {
        /** Nothing to do: the request carries its own lines, names no visit, or is not a settlement. */
        INLINE,
        /** The visit's unsettled lines were copied into the request. */
        FILLED,
        /** The visit is unknown or in the wrong state: the result holds the refusal (E5007, E5008). */
        REFUSED
    }

    private final VisitStore store;
    private final Registrations registrations;
    private final FeeUploads fees;

    /**
     * @param store  the visits.
     * @param stages the engine's identity and pricing stages.
     * @param state  the settlement state (the mdtrt_id sequence).
     */
    public VisitDesk(final VisitStore store, final EngineStages stages, final SettlementState state)
    {
        this.store = store;
        this.registrations = new Registrations(store, stages, state);
        this.fees = new FeeUploads(store, stages);
    }

    /** @return the visits. */
    public VisitStore store()
    {
        return store;
    }

    /** @param txn a transaction. @return true for the visit transactions this desk answers. */
    public static boolean handles(final int txn)
    {
        switch (txn)
        {
            case 2201: case 2202: case 2203: case 2204: case 2205:
            case 2301: case 2302: case 2401: case 2402: case 2404: case 2405:
                return true;
            default:
                return false;
        }
    }

    /**
     * Answers a started slot of a visit transaction and applies it when it succeeds.
     *
     * @param e   the slot.
     * @param now the gateway clock (E1024 of the eligibility checks).
     */
    public void process(final SettlementEvent e, final long now)
    {
        switch (e.request.txn)
        {
            case 2204: case 2205: case 2301: case 2302:
                fees.process(e, now);
                break;
            default:
                registrations.process(e, now);
                break;
        }
    }

    /**
     * Re-applies a journaled record: a successful visit transaction, or a settlement / cancellation
     * that took effect (its line marks). Anything else is ignored.
     *
     * @param req the request.
     * @param res its answer.
     */
    public void apply(final SettlementRequest req, final SettlementResult res)
    {
        if (!res.ok())
        {
            return;
        }
        switch (req.txn)
        {
            case 2204: case 2205: case 2301: case 2302:
                fees.apply(req, res);
                break;
            case 2201: case 2202: case 2203: case 2401: case 2402: case 2404: case 2405:
                registrations.apply(req, res);
                break;
            default:
                onSettlement(req, res);
                break;
        }
    }

    /** Re-prices a re-sent 2204/2301 (the first answer's day) so its result[] is the first answer's. */
    void reprice(final SettlementEvent e, final int day)
    {
        fees.reprice(e, day);
    }

    /**
     * Fills a settlement request from its visit (see the class comment).
     *
     * @param req a decoded 2206/2207/2303/2304 (other transactions: {@link Fill#INLINE}).
     * @param res receives the refusal (E5007 unknown visit, E5008 wrong kind, cancelled, or a batch
     *            already settled).
     * @return what was done.
     */
    public Fill fillLines(final SettlementRequest req, final SettlementResult res)
    {
        final boolean outpatient = req.txn == 2206 || req.txn == 2207;
        if (!outpatient && req.txn != 2303 && req.txn != 2304 || req.lineCount() > 0 || req.mdtrtId == null)
        {
            return Fill.INLINE;
        }
        final Visit v = VisitChecks.find(store, req, res, "input.data.mdtrt_id");
        if (v == null || !VisitChecks.kind(v, !outpatient, req, res) || !VisitChecks.notCancelled(v, req, res))
        {
            return Fill.REFUSED;
        }
        final String batch = outpatient ? req.chrgBchno : null;
        if (store.fill(v, batch, req) == 0 && batch != null && !VisitStore.ALL_BATCHES.equals(batch))
        {
            for (final Visit.Line l : v.lines())
            {
                if (batch.equals(l.fee().chrgBchno))
                {
                    VisitChecks.wrongState(v, req, res, "收费批次已结算，chrg_bchno=" + batch + " setl_id=" + l.setlId());
                    return Fill.REFUSED;
                }
            }
            res.refuse(ErrorCode.E5008, "收费批次不存在：chrg_bchno=" + batch + "，mdtrt_id=" + v.mdtrtId() +
                " (no fee lines uploaded with this batch; upload them with 2204 first)");
            return Fill.REFUSED;
        }
        if (req.medType == null)
        {
            req.medType = v.medType() != null ? v.medType() : v.inpatient() ? "21" : "11";
        }
        if (req.diseCodg == null)
        {
            req.diseCodg = v.diseCodg();
        }
        return Fill.FILLED;
    }

    /**
     * A settlement (sign 1) or cancellation / 冲正 (sign −1) took effect: marks the visit's lines.
     * Idempotent per setl_id; answers that moved no money are ignored.
     *
     * @param req the settlement request (its lines name the visit's lines).
     * @param res its answer.
     */
    public void onSettlement(final SettlementRequest req, final SettlementResult res)
    {
        if (!res.ok())
        {
            return;
        }
        if (res.sign == 1)
        {
            store.onSettled(res.setlId, res.mdtrtId, req.fixmedinsCode, req);
        }
        else if (res.sign == -1)
        {
            store.onCancelled(res.origSetlId);
        }
    }
}

package io.medgw.gateway.visit;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.BenefitClass;

import java.util.HashSet;

/**
 * Fee lines of a visit: 2204 门诊费用明细上传 / 2301 住院费用明细上传 and their cancels 2205 / 2302.
 * <pre>
 *   2204/2301 feedetail[]{feedetl_sn, mdtrt_id, psn_no, chrg_bchno, med_list_codg, cnt, pric,
 *             det_item_fee_sumamt, ...}
 *        one visit per upload (every row's mdtrt_id the same, else E5001); unknown visit E5007;
 *        2204 needs an outpatient visit, 2301 an inpatient stay (E5008); cancelled visit, or an
 *        inpatient stay discharged and settled → E5008; feedetl_sn and chrg_bchno required (E5002);
 *        a serial twice in the upload → E5001, already on the visit → E5008; then the engine's
 *        line checks and eligibility (E2001–E2003, E1001–E1071) with the visit's med_type, and
 *        the catalogue pricing of each line on the upload's date → result[] per line.
 *   2205/2302 data{mdtrt_id, chrg_bchno ("0000" = every unsettled batch), psn_no}
 *        (2302 may list feedetail[]{feedetl_sn} instead): removes unsettled lines; a batch with
 *        nothing unsettled → E5008 (settled: cancel the settlement first; else unknown batch).
 * </pre>
 * Thread: the state-writer thread.
 */
final class FeeUploads
{
    private final VisitStore store;
    private final EngineStages stages;
    private final HashSet<String> seen = new HashSet<>();

    FeeUploads(final VisitStore store, final EngineStages stages)
    {
        this.store = store;
        this.stages = stages;
    }

    void process(final SettlementEvent e, final long now)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        final boolean upload = req.txn == 2204 || req.txn == 2301;
        final boolean inpatient = req.txn == 2301 || req.txn == 2302;
        if (upload && !sameVisit(req, res))
        {
            return;
        }
        final Visit v = VisitChecks.find(store, req, res, upload ? "input.feedetail[0].mdtrt_id" : "input.data.mdtrt_id");
        if (v == null || !VisitChecks.kind(v, inpatient, req, res) || !VisitChecks.notCancelled(v, req, res))
        {
            return;
        }
        res.mdtrtId = v.mdtrtId();
        res.psnNo = v.psnNo();
        if (upload ? upload(e, v, now) : cancelCheck(v, req, res))
        {
            apply(req, res);
        }
    }

    private boolean upload(final SettlementEvent e, final Visit v, final long now)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        if (v.inpatient() && v.status() == Visit.DISCHARGED && v.liveSettlements() > 0)
        {
            VisitChecks.wrongState(v, req, res, "已出院结算，不能再上传费用");
            return false;
        }
        seen.clear();
        for (int i = 0, n = req.lineCount(); i < n; i++)
        {
            final FeeLine l = req.line(i);
            if (!VisitChecks.require(res, l.feedetlSn, "input.feedetail[" + i + "].feedetl_sn") ||
                !VisitChecks.require(res, l.chrgBchno, "input.feedetail[" + i + "].chrg_bchno"))
            {
                return false;
            }
            if (!seen.add(l.feedetlSn))
            {
                res.refuse(ErrorCode.E5001, "费用明细流水号在本次上传中重复：feedetail[" + i + "].feedetl_sn=" + l.feedetlSn +
                    " (duplicate feedetl_sn in one upload)");
                return false;
            }
            if (v.line(l.feedetlSn) != null)
            {
                res.refuse(ErrorCode.E5008, "费用明细流水号已上传：feedetl_sn=" + l.feedetlSn + "，mdtrt_id=" + v.mdtrtId() +
                    (v.line(l.feedetlSn).setlId() != null ? "（已结算 setl_id=" + v.line(l.feedetlSn).setlId() + "）" : "") +
                    " (duplicate feedetl_sn on this visit; use a new serial, or cancel the batch with " +
                    (v.inpatient() ? "2302" : "2205") + " first)");
                return false;
            }
        }
        if (req.medType == null)
        {
            req.medType = v.medType() != null ? v.medType() : v.inpatient() ? "21" : "11";
        }
        if (req.diseCodg == null)
        {
            req.diseCodg = v.diseCodg();
        }
        if (!stages.checkLines(req, e.ref, now, res))
        {
            return false;
        }
        res.medType = req.medType;
        return true;
    }

    private static boolean sameVisit(final SettlementRequest req, final SettlementResult res)
    {
        for (int i = 0, n = req.lineCount(); i < n; i++)
        {
            final String id = req.line(i).mdtrtId;
            if (id != null && !id.equals(req.mdtrtId))
            {
                res.refuse(ErrorCode.E5001, "一次上传只能属于一个就诊：feedetail[" + i + "].mdtrt_id=" + id + "，feedetail[0].mdtrt_id=" +
                    req.mdtrtId + " (one visit per upload; send each visit's lines separately)");
                return false;
            }
        }
        return true;
    }

    private boolean cancelCheck(final Visit v, final SettlementRequest req, final SettlementResult res)
    {
        if (req.lineCount() > 0)
        {
            for (int i = 0, n = req.lineCount(); i < n; i++)
            {
                final Visit.Line l = v.line(req.line(i).feedetlSn);
                if (l == null || l.setlId() != null)
                {
                    res.refuse(ErrorCode.E5008, "费用明细不存在或已结算：feedetl_sn=" + req.line(i).feedetlSn + "，mdtrt_id=" +
                        v.mdtrtId() + (l == null ? "" : "（setl_id=" + l.setlId() + "）") +
                        " (unknown or settled fee line; cancel the settlement first)");
                    return false;
                }
            }
            return true;
        }
        if (!VisitChecks.require(res, req.chrgBchno, "input.data.chrg_bchno"))
        {
            return false;
        }
        if (VisitStore.ALL_BATCHES.equals(req.chrgBchno))
        {
            return true;
        }
        int unsettled = 0;
        int settled = 0;
        for (final Visit.Line l : v.lines())
        {
            if (req.chrgBchno.equals(l.fee().chrgBchno))
            {
                unsettled += l.setlId() == null ? 1 : 0;
                settled += l.setlId() == null ? 0 : 1;
            }
        }
        if (unsettled > 0)
        {
            return true;
        }
        VisitChecks.wrongState(v, req, res, settled > 0 ? "收费批次已结算，请先撤销结算，chrg_bchno=" + req.chrgBchno :
            "收费批次不存在或已撤销，chrg_bchno=" + req.chrgBchno);
        return false;
    }

    /**
     * Prices a re-sent upload's lines again, as the first answer did, for its result[] (the visit's
     * institution and class, the first answer's day).
     */
    void reprice(final SettlementEvent e, final int day)
    {
        final Visit v = store.visit(e.result.mdtrtId);
        if (v == null)
        {
            return;
        }
        final String medType = e.request.medType != null ? e.request.medType : v.medType();
        final BenefitClass c = BenefitClass.ofMedType(medType);
        stages.priceAt(e.request, e.ref, e.ref.institution(v.fixmedinsCode()),
            c != null ? c : v.inpatient() ? BenefitClass.INPATIENT : BenefitClass.OUTPATIENT, day);
    }

    /** Applies a successful answer (live or journaled). */
    void apply(final SettlementRequest req, final SettlementResult res)
    {
        final Visit v = store.visit(res.mdtrtId != null ? res.mdtrtId : req.mdtrtId);
        if (v == null)
        {
            return;
        }
        if (req.txn == 2204 || req.txn == 2301)
        {
            store.addLines(v, req);
        }
        else if (req.lineCount() > 0)
        {
            for (int i = 0, n = req.lineCount(); i < n; i++)
            {
                store.removeUnsettledLine(v, req.line(i).feedetlSn);
            }
        }
        else
        {
            store.removeUnsettled(v, req.chrgBchno);
        }
    }
}

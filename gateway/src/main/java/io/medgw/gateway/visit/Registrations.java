package io.medgw.gateway.visit;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.state.SettlementState;

/**
 * The visit life cycle: 2201 门诊挂号, 2202 挂号撤销, 2203 就诊信息上传, 2401 入院办理, 2402 出院办理,
 * 2404 入院撤销, 2405 出院撤销. {@link #process} checks and answers, then applies a success through
 * {@link #apply} — the same method a restart calls on the journaled answer.
 * <pre>
 *   2201 data{psn_no | mdtrt_cert_*, ipt_otp_no, begntime, insutype, med_type(default 11)}
 *        eligibility as a settlement (E1001…E1071); ipt_otp_no live elsewhere → E5008; new mdtrt_id
 *   2401 mdtrtinfo{psn_no | mdtrt_cert_*, ipt_no, begntime, med_type(default 21), dise_codg}: as 2201
 *   2202 data{mdtrt_id}: outpatient, open, no live settlement → cancelled (unsettled lines dropped)
 *   2404 data{mdtrt_id}: inpatient, not discharged, no settled fee → cancelled
 *   2203 mdtrtinfo{mdtrt_id, med_type, dise_codg}: not cancelled → recorded
 *   2402 dscginfo{mdtrt_id, endtime, dise_codg}: inpatient, open → discharged
 *   2405 data{mdtrt_id}: discharged, no live settlement → open again
 * </pre>
 * Thread: the state-writer thread.
 */
final class Registrations
{
    private final VisitStore store;
    private final EngineStages stages;
    private final SettlementState state;

    Registrations(final VisitStore store, final EngineStages stages, final SettlementState state)
    {
        this.store = store;
        this.stages = stages;
        this.state = state;
    }

    void process(final SettlementEvent e, final long now)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        switch (req.txn)
        {
            case 2201: register(e, now, false); break;
            case 2401: register(e, now, true); break;
            default:
            {
                final String node = req.txn == 2203 ? "mdtrtinfo" : req.txn == 2402 ? "dscginfo" : "data";
                final Visit v = VisitChecks.find(store, req, res, "input." + node + ".mdtrt_id");
                if (v == null || !change(v, req, res))
                {
                    return;
                }
                res.mdtrtId = v.mdtrtId();
                res.psnNo = v.psnNo();
                break;
            }
        }
        if (res.ok())
        {
            apply(req, res);
        }
    }

    private void register(final SettlementEvent e, final long now, final boolean inpatient)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        final String node = inpatient ? "input.mdtrtinfo." : "input.data.";
        if (req.psnNo == null && req.mdtrtCertNo == null)
        {
            res.refuse(ErrorCode.E5002, "缺少必填字段：" + node + "psn_no (missing required field: psn_no or mdtrt_cert_no)");
            return;
        }
        if (!VisitChecks.require(res, req.iptOtpNo, node + (inpatient ? "ipt_no" : "ipt_otp_no")) ||
            !VisitChecks.dateTime(res, req.begntime, node + "begntime"))
        {
            return;
        }
        final Visit taken = store.byNumber(req.fixmedinsCode, inpatient, req.iptOtpNo);
        if (taken != null)
        {
            res.refuse(ErrorCode.E5008, (inpatient ? "住院号" : "门诊号") + "已登记：ipt_otp_no=" + req.iptOtpNo +
                " 已对应 mdtrt_id=" + taken.mdtrtId() + " (number already in use at this institution; use a new one or cancel with " +
                (inpatient ? "2404" : "2202") + ")");
            return;
        }
        final String medType = req.medType != null ? req.medType : inpatient ? "21" : "11";
        if (!stages.checkEligibility(req, medType, e.ref, now, res))
        {
            return;
        }
        final SettlementResult who = stages.lastResult();
        res.psnNo = who.psnNo;
        res.psnName = who.psnName;
        res.insutype = req.insutype != null ? req.insutype : who.insutype;
        res.medType = medType;
        res.mdtrtId = state.nextMdtrtId();
    }

    // the checks of the transactions on an existing visit; true when it may proceed
    private static boolean change(final Visit v, final SettlementRequest req, final SettlementResult res)
    {
        switch (req.txn)
        {
            case 2203:
                return VisitChecks.notCancelled(v, req, res);
            case 2202:
                if (!VisitChecks.kind(v, false, req, res) || !VisitChecks.notCancelled(v, req, res))
                {
                    return false;
                }
                return noLiveSettlement(v, req, res, "门诊已结算，请先撤销结算(2208)");
            case 2404:
                if (!VisitChecks.kind(v, true, req, res) || !VisitChecks.notCancelled(v, req, res))
                {
                    return false;
                }
                if (v.status() == Visit.DISCHARGED)
                {
                    VisitChecks.wrongState(v, req, res, "已出院，请先撤销出院(2405)");
                    return false;
                }
                for (final Visit.Line l : v.lines())
                {
                    if (l.setlId() != null)
                    {
                        VisitChecks.wrongState(v, req, res, "已有结算费用，不能撤销入院，请先撤销结算(2305)");
                        return false;
                    }
                }
                return true;
            case 2402:
                if (!VisitChecks.kind(v, true, req, res) || !VisitChecks.notCancelled(v, req, res) ||
                    !VisitChecks.dateTime(res, req.endtime, "input.dscginfo.endtime"))
                {
                    return false;
                }
                if (v.status() == Visit.DISCHARGED)
                {
                    VisitChecks.wrongState(v, req, res, "已办理出院");
                    return false;
                }
                return true;
            case 2405:
                if (!VisitChecks.kind(v, true, req, res) || !VisitChecks.notCancelled(v, req, res))
                {
                    return false;
                }
                if (v.status() != Visit.DISCHARGED)
                {
                    VisitChecks.wrongState(v, req, res, "未出院，无需撤销出院");
                    return false;
                }
                return noLiveSettlement(v, req, res, "住院已结算，请先撤销结算(2305)");
            default:
                throw new IllegalArgumentException("not a registration transaction: " + req.txn);
        }
    }

    private static boolean noLiveSettlement(final Visit v, final SettlementRequest req, final SettlementResult res,
        final String why)
    {
        if (v.liveSettlements() == 0)
        {
            return true;
        }
        VisitChecks.wrongState(v, req, res, why);
        return false;
    }

    /** Applies a successful answer (live or journaled). */
    void apply(final SettlementRequest req, final SettlementResult res)
    {
        if (req.txn == 2201 || req.txn == 2401)
        {
            final boolean inpatient = req.txn == 2401;
            state.noteMdtrtId(res.mdtrtId);
            final Visit v = store.register(res.mdtrtId, req.fixmedinsCode, res.psnNo, req.iptOtpNo, inpatient,
                VisitChecks.timeOr(req.begntime, req.infTime));
            v.insutype = res.insutype;
            v.medType = res.medType != null ? res.medType : req.medType;
            v.diseCodg = req.diseCodg;
            return;
        }
        final Visit v = store.visit(res.mdtrtId != null ? res.mdtrtId : req.mdtrtId);
        if (v == null)
        {
            return;
        }
        switch (req.txn)
        {
            case 2202:
            case 2404:
                store.cancel(v);
                break;
            case 2203:
                v.medType = req.medType != null ? req.medType : v.medType;
                v.diseCodg = req.diseCodg != null ? req.diseCodg : v.diseCodg;
                break;
            case 2402:
                v.status = Visit.DISCHARGED;
                v.endtime = VisitChecks.timeOr(req.endtime, req.infTime);
                v.diseCodg = req.diseCodg != null ? req.diseCodg : v.diseCodg;
                break;
            case 2405:
                v.status = Visit.OPEN;
                v.endtime = 0;
                break;
            default:
                break;
        }
    }
}

package io.medgw.gateway.visit;

import io.medgw.codec.Dates;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;

/**
 * The refusals shared by the visit transactions, each naming the field and value in words a
 * cashier can act on (Chinese first, then an English gloss and what to do). Built only when
 * refusing (allocates).
 */
public final class VisitChecks
{
    private VisitChecks()
    {
    }

    /**
     * Refuses E5002 when {@code value} is missing.
     *
     * @param res   the answer.
     * @param value the field's value.
     * @param path  the field's wire path, e.g. {@code input.data.mdtrt_id}.
     * @return true when present.
     */
    public static boolean require(final SettlementResult res, final String value, final String path)
    {
        if (value == null)
        {
            res.refuse(ErrorCode.E5002, "缺少必填字段：" + path + " (missing required field)");
            return false;
        }
        return true;
    }

    /**
     * Refuses E5002 when the amount is absent.
     *
     * @param res   the answer.
     * @param value the amount (fen) or {@link SettlementRequest#ABSENT}.
     * @param path  the field's wire path.
     * @return true when present.
     */
    public static boolean requireAmount(final SettlementResult res, final long value, final String path)
    {
        if (value == SettlementRequest.ABSENT)
        {
            res.refuse(ErrorCode.E5002, "缺少必填字段：" + path + " (missing required field)");
            return false;
        }
        return true;
    }

    /**
     * Finds the visit a request names, refusing E5002 (no mdtrt_id) or E5007 (unknown here, or
     * another person's).
     *
     * @param store the visits.
     * @param req   the request (mdtrt_id, psn_no, fixmedins_code).
     * @param res   receives the refusal.
     * @param path  wire path of mdtrt_id, for the message.
     * @return the visit, or null after a refusal.
     */
    public static Visit find(final VisitStore store, final SettlementRequest req, final SettlementResult res,
        final String path)
    {
        if (!require(res, req.mdtrtId, path))
        {
            return null;
        }
        final Visit v = store.visit(req.mdtrtId);
        if (v == null || !v.fixmedinsCode().equals(req.fixmedinsCode))
        {
            res.refuse(ErrorCode.E5007, "就诊ID不存在：mdtrt_id=" + req.mdtrtId + "，本机构 fixmedins_code=" +
                req.fixmedinsCode + " (unknown visit; register with 2201 or admit with 2401 first)");
            return null;
        }
        if (req.psnNo != null && !req.psnNo.equals(v.psnNo()))
        {
            res.refuse(ErrorCode.E5007, "就诊ID与人员编号不符：mdtrt_id=" + req.mdtrtId + " 属于 psn_no=" + v.psnNo() +
                "，请求 psn_no=" + req.psnNo + " (this visit is another person's; check psn_no and mdtrt_id)");
            return null;
        }
        return v;
    }

    /**
     * Refuses E5008 unless the visit is of the kind the transaction serves.
     *
     * @return true when it is.
     */
    static boolean kind(final Visit v, final boolean inpatient, final SettlementRequest req, final SettlementResult res)
    {
        if (v.inpatient() == inpatient)
        {
            return true;
        }
        res.refuse(ErrorCode.E5008, (v.inpatient() ? "住院就诊" : "门诊就诊") + "不能办理 " + req.infno + "：mdtrt_id=" +
            v.mdtrtId() + " (" + (v.inpatient() ? "an inpatient stay: use 2301/2302/2303/2304" :
            "an outpatient visit: use 2204/2205/2206/2207") + ")");
        return false;
    }

    /** Refuses E5008 when the visit was cancelled. @return true when it was not. */
    static boolean notCancelled(final Visit v, final SettlementRequest req, final SettlementResult res)
    {
        if (v.status() != Visit.CANCELLED)
        {
            return true;
        }
        res.refuse(ErrorCode.E5008, "就诊已撤销，不能办理 " + req.infno + "：mdtrt_id=" + v.mdtrtId() +
            " (visit cancelled by 2202/2404; register a new visit)");
        return false;
    }

    /** Refuses E5008 naming the visit's state. */
    static void wrongState(final Visit v, final SettlementRequest req, final SettlementResult res, final String why)
    {
        res.refuse(ErrorCode.E5008, why + "：mdtrt_id=" + v.mdtrtId() + " 状态=" + Visit.statusName(v.status()) +
            "，已结算 " + v.liveSettlements() + " 笔，交易 " + req.infno + " (visit in the wrong state for this transaction)");
    }

    /**
     * @param text {@code yyyy-MM-dd HH:mm:ss}, or null.
     * @param fallback the time to use when absent or unreadable.
     * @return the local epoch second.
     */
    static long timeOr(final String text, final long fallback)
    {
        if (text == null)
        {
            return fallback;
        }
        final long t = Dates.parseDateTime(text);
        return t == Dates.NOT_A_TIME ? fallback : t;
    }

    /** Refuses E5001 when a present date-time is unreadable. @return true when absent or readable. */
    static boolean dateTime(final SettlementResult res, final String text, final String path)
    {
        if (text == null || Dates.parseDateTime(text) != Dates.NOT_A_TIME)
        {
            return true;
        }
        res.refuse(ErrorCode.E5001, path + "=" + text + " 不是 yyyy-MM-dd HH:mm:ss (not a date-time)");
        return false;
    }
}

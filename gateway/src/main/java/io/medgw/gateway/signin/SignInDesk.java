package io.medgw.gateway.signin;

import io.medgw.codec.Dates;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.Institution;

/**
 * 9001 签到 and 9002 签退 (national-interface.md §1.6) over a {@link SignInRegistry}.
 * <pre>
 *   9001 signIn{opter_no, mac, ip}   → signinoutb{sign_time, sign_no}
 *        opter_no (else the envelope's opter) keys the session; E5002 when both are missing,
 *        E1021 unknown institution, E1022 agreement not valid on the day.
 *   9002 signOut{opter_no, sign_no}  → signoutoutb{sign_time}
 *        sign_no (else the envelope's); E5002 missing, E5008 no open session with that sign_no.
 * </pre>
 * sign_time is the gateway clock ({@code res.setlTime}), journaled with the answer. Thread: the
 * state-writer thread.
 */
public final class SignInDesk
{
    private final SignInRegistry registry;

    /** @param registry the sessions. */
    public SignInDesk(final SignInRegistry registry)
    {
        this.registry = registry;
    }

    /** @return the registry. */
    public SignInRegistry registry()
    {
        return registry;
    }

    /**
     * Answers a started 9001/9002 slot and applies it when it succeeds.
     *
     * @param e                the slot ({@link SettlementEvent#start} done).
     * @param nowLocalEpochSec the gateway clock: sign_time.
     */
    public void process(final SettlementEvent e, final long nowLocalEpochSec)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        res.setlTime = nowLocalEpochSec;
        if (req.txn == 9001)
        {
            final String opter = operator(req);
            if (opter == null)
            {
                res.refuse(ErrorCode.E5002, "缺少必填字段：input.signIn.opter_no (missing required field: the operator signing in)");
                return;
            }
            final Institution inst = e.ref.institution(req.fixmedinsCode);
            final int day = Dates.dayOf(nowLocalEpochSec);
            if (inst == null)
            {
                res.refuse(ErrorCode.E1021, "定点医药机构不存在：fixmedins_code=" + req.fixmedinsCode +
                    " (institution unknown; check the configured code)");
                return;
            }
            if (day < inst.agreementBegin() || day > inst.agreementEnd())
            {
                res.refuse(ErrorCode.E1022, "定点协议不在有效期内：fixmedins_code=" + inst.code() + " 签到日期 " +
                    Dates.formatDate(day) + "，协议期 " + Dates.formatDate(inst.agreementBegin()) + " 至 " +
                    Dates.formatDate(inst.agreementEnd()) + " (institution agreement not valid; contact the agency)");
                return;
            }
            res.issuedNo = registry.nextSignNo();
        }
        else
        {
            if (req.signNo == null)
            {
                res.refuse(ErrorCode.E5002, "缺少必填字段：input.signOut.sign_no (missing required field: the sign_no of 9001)");
                return;
            }
            if (registry.session(req.fixmedinsCode, req.signNo) == null)
            {
                res.refuse(ErrorCode.E5008, "签到编号不存在或已签退：fixmedins_code=" + req.fixmedinsCode + " sign_no=" +
                    req.signNo + " (no open session with this sign_no; sign in with 9001 first)");
                return;
            }
        }
        apply(req, res);
    }

    /**
     * Applies a successful 9001/9002 answer (live, or re-applied from the ledger).
     *
     * @param req the request.
     * @param res its answer; ignored unless ok.
     */
    public void apply(final SettlementRequest req, final SettlementResult res)
    {
        if (!res.ok())
        {
            return;
        }
        if (req.txn == 9001)
        {
            if (res.issuedNo == null)
            {
                res.issuedNo = registry.nextSignNo(); // a ledger that did not store it: the sequence re-issues it
            }
            registry.signIn(req.fixmedinsCode, operator(req), res.issuedNo, res.setlTime);
        }
        else if (req.txn == 9002)
        {
            registry.signOut(req.fixmedinsCode, req.signNo);
        }
    }

    private static String operator(final SettlementRequest req)
    {
        return req.opterNo != null ? req.opterNo : req.opter;
    }
}

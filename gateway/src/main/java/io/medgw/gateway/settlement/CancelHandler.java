package io.medgw.gateway.settlement;

import com.lmax.disruptor.EventHandler;
import io.medgw.codec.Decimals;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.state.SettlementRecord;
import io.medgw.gateway.state.SettlementState;

/**
 * settlement-rules.md §7: cancellation (2208, 2305, 2103) by setl_id and 冲正 (2601) by
 * (omsgid, oinfno) of the same institution. No eligibility check. Checks, in order: unknown
 * setl_id or the id of a cancellation record → E4001; another institution's → E4003; already
 * cancelled → E4002. The answer is the original with every amount, row and accumulator effect
 * negated, {@code sign = -1}, {@code origSetlId} = the original, the accumulator year of the
 * original, and {@code balc} = the person's balance after the credit; commit gives it its own new
 * setl_id and {@link SettlementState#apply} subtracts exactly what the original added.
 * <p>
 * 冲正 of an omsgid that never took effect (unknown, refused, or a pre-settlement) succeeds and
 * changes nothing. Choices where the rules are silent: an {@code oinfno} whose numeric part differs
 * from the original transaction's → E4001; 冲正 of a cancellation that took effect → E4002 (a
 * cancellation cannot be undone; settle again). The cancel transaction need not match the
 * original's (2208 may cancel a 2304), and the request's psn_no / mdtrt_id are not compared.
 * <p>
 * Thread: the state thread. Reads {@code request.setlId / omsgid / oinfno}; writes
 * {@code original} and the result. Allocates nothing unless it refuses or explains.
 */
public final class CancelHandler implements EventHandler<SettlementEvent>
{
    private final SettlementState state;

    /** @param state the settlement state (records, balances). */
    public CancelHandler(final SettlementState state)
    {
        this.state = state;
    }

    @Override
    public void onEvent(final SettlementEvent event, final long sequence, final boolean endOfBatch)
    {
        onEvent(event);
    }

    /** @param e the slot; handles cancellations and 冲正 only. */
    public void onEvent(final SettlementEvent e)
    {
        if (!e.proceed())
        {
            return;
        }
        if (e.kind == SettlementEvent.KIND_CANCEL)
        {
            cancel(e);
        }
        else if (e.kind == SettlementEvent.KIND_REVERSAL)
        {
            reverse(e);
        }
    }

    private void cancel(final SettlementEvent e)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        final SettlementRecord rec = state.record(req.setlId);
        if (rec == null || !rec.isSettlement())
        {
            res.refuse(ErrorCode.E4001, "结算ID不存在" + (rec == null ? "" : "（该ID为撤销记录）") + "：setl_id=" + req.setlId +
                " (unknown setl_id; use the setl_id of the original settlement)");
            return;
        }
        if (!rec.fixmedinsCode().equals(req.fixmedinsCode))
        {
            res.refuse(ErrorCode.E4003, "该结算不属于本机构：setl_id=" + req.setlId + "，本机构 fixmedins_code=" +
                req.fixmedinsCode + " (another institution's settlement; only the settling institution may cancel it)");
            return;
        }
        if (rec.cancelled())
        {
            res.refuse(ErrorCode.E4002, "该结算已撤销：setl_id=" + req.setlId + " (already cancelled; nothing to do)");
            return;
        }
        negate(e, rec);
    }

    private void reverse(final SettlementEvent e)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        final SettlementRecord rec = state.effective(req.fixmedinsCode, req.omsgid);
        if (rec == null)
        {
            if (res.explain != null)
            {
                res.explain.append("§7 冲正 omsgid ").append(req.omsgid).append(": never took effect, nothing changes\n");
            }
            return;
        }
        final int oinfno = numericTxn(req.oinfno);
        if (oinfno != 0 && oinfno != rec.txn())
        {
            res.refuse(ErrorCode.E4001, "冲正的原交易编号不符：omsgid=" + req.omsgid + " oinfno=" + req.oinfno + "，原交易为 " +
                rec.infno() + " (original transaction mismatch; check oinfno)");
            return;
        }
        if (rec.isCancellation())
        {
            res.refuse(ErrorCode.E4002, "原交易为结算撤销且已生效，不能冲正：omsgid=" + req.omsgid + " setl_id=" + rec.setlId() +
                " (a cancellation cannot be reversed; settle again if needed)");
            return;
        }
        if (rec.cancelled())
        {
            res.refuse(ErrorCode.E4002, "原结算已撤销：omsgid=" + req.omsgid + " setl_id=" + rec.setlId() +
                " (already cancelled; nothing to do)");
            return;
        }
        negate(e, rec);
    }

    private void negate(final SettlementEvent e, final SettlementRecord rec)
    {
        final SettlementResult res = e.result;
        final long time = res.setlTime;
        final int day = res.setlDay;
        rec.negateInto(res);
        res.setlTime = time;
        res.setlDay = day;
        res.sign = -1;
        res.setlId = null;
        res.origSetlId = rec.setlId();
        res.errorMessage = null;
        res.balc = state.balanceOf(rec.psnNo(), e.ref) - res.acctPay;
        e.original = rec;
        if (res.explain != null)
        {
            res.explain.append("§7 cancel of setl_id ").append(rec.setlId()).append(": every amount negated (medfee_sumamt ");
            Decimals.append(res.explain, res.medfeeSumamt, 2).append("), accumulators of ").append(rec.accYear())
                .append(" reduced by what it added, accounts credited back; balc ");
            Decimals.append(res.explain, res.balc, 2).append('\n');
        }
    }

    // "2207" or "2207A" → 2207; 0 if absent or not numeric.
    private static int numericTxn(final String infno)
    {
        if (infno == null || infno.length() < 4)
        {
            return 0;
        }
        int v = 0;
        for (int i = 0; i < 4; i++)
        {
            final char c = infno.charAt(i);
            if (c < '0' || c > '9')
            {
                return 0;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}

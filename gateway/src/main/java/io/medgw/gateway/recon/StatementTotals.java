package io.medgw.gateway.recon;

import io.medgw.codec.Dates;
import io.medgw.codec.Decimals;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.visit.VisitChecks;

import java.util.ArrayList;
import java.util.List;

/**
 * 3201 医药机构费用结算对总账 (national-interface.md §3.6): sums what the gateway settled for the
 * institution with the request's insutype and clr_type between stmt_begndate and stmt_enddate
 * (settlement day = the date of the request's inf_time; a cancellation counts on its own day with
 * negative amounts), net of reversals, and compares medfee_sumamt, fund_pay_sumamt, acct_pay and
 * fixmedins_setl_cnt (settlements minus cancellations) with the institution's figures.
 * <p>
 * {@code stmt_rslt}: "0" 对平 when all four agree; else "1" 中心多 when the gateway counts more
 * settlements, "2" 医药机构多 when the institution counts more, "3" 数据不一致 when the counts agree
 * but an amount differs. {@code stmt_rslt_dscr} names each difference in yuan (center − institution),
 * at most 200 characters. Required: insutype, clr_type, stmt_begndate, stmt_enddate and the four
 * figures (E5002; an unreadable date E5001). Reads the {@link ReconciliationIndex}; changes nothing.
 */
final class StatementTotals
{
    static final int DSCR_MAX = 200;

    private final ReconciliationIndex index;
    private final ArrayList<ReconRow> rows = new ArrayList<>();

    StatementTotals(final ReconciliationIndex index)
    {
        this.index = index;
    }

    void process(final SettlementRequest req, final SettlementResult res)
    {
        if (!VisitChecks.require(res, req.insutype, "input.data.insutype") ||
            !VisitChecks.require(res, req.clrType, "input.data.clr_type") ||
            !VisitChecks.requireAmount(res, req.medfeeSumamt, "input.data.medfee_sumamt") ||
            !VisitChecks.requireAmount(res, req.fundPaySumamt, "input.data.fund_pay_sumamt") ||
            !VisitChecks.requireAmount(res, req.acctPay, "input.data.acct_pay") ||
            !VisitChecks.requireAmount(res, req.fixmedinsSetlCnt, "input.data.fixmedins_setl_cnt"))
        {
            return;
        }
        final int from = day(req.stmtBegndate, "stmt_begndate", res);
        final int to = from == Dates.NOT_A_DATE ? from : day(req.stmtEnddate, "stmt_enddate", res);
        if (to == Dates.NOT_A_DATE)
        {
            return;
        }
        long medfee = 0;
        long fund = 0;
        long acct = 0;
        long count = 0;
        rows.clear();
        for (final ReconRow r : index.rows(req.fixmedinsCode, from, to, rows))
        {
            if (req.insutype.equals(r.insutype) && req.clrType.equals(r.clrType))
            {
                medfee += r.medfeeSumamt;
                fund += r.fundPaySumamt;
                acct += r.acctPay;
                count += r.refdSetlFlag == 0 ? 1 : -1;
            }
        }
        rows.clear();
        res.answerCode = count > req.fixmedinsSetlCnt ? "1" : count < req.fixmedinsSetlCnt ? "2" :
            medfee != req.medfeeSumamt || fund != req.fundPaySumamt || acct != req.acctPay ? "3" : "0";
        res.answerText = describe(res.answerCode, req, medfee, fund, acct, count);
    }

    static int day(final String text, final String field, final SettlementResult res)
    {
        if (!VisitChecks.require(res, text, "input.data." + field))
        {
            return Dates.NOT_A_DATE;
        }
        final int d = Dates.parseDate(text);
        if (d == Dates.NOT_A_DATE)
        {
            res.refuse(ErrorCode.E5001, "input.data." + field + "=" + text + " 不是 yyyy-MM-dd (not a date)");
        }
        return d;
    }

    private static String describe(final String rslt, final SettlementRequest req, final long medfee, final long fund,
        final long acct, final long count)
    {
        final StringBuilder sb = new StringBuilder(DSCR_MAX);
        if ("0".equals(rslt))
        {
            sb.append("对平：结算 ").append(count).append(" 笔，医疗费总额 ");
            Decimals.append(sb, medfee, 2).append("，基金支付 ");
            Decimals.append(sb, fund, 2).append("，个人账户 ");
            Decimals.append(sb, acct, 2).append(" (balanced)");
            return sb.toString();
        }
        sb.append("1".equals(rslt) ? "中心多" : "2".equals(rslt) ? "医药机构多" : "数据不一致").append("（中心−机构）：");
        final List<String> parts = new ArrayList<>(4);
        if (count != req.fixmedinsSetlCnt)
        {
            parts.add("fixmedins_setl_cnt 中心" + count + "≠机构" + req.fixmedinsSetlCnt + "(差" + (count - req.fixmedinsSetlCnt) + ")");
        }
        money(parts, "medfee_sumamt", medfee, req.medfeeSumamt);
        money(parts, "fund_pay_sumamt", fund, req.fundPaySumamt);
        money(parts, "acct_pay", acct, req.acctPay);
        sb.append(String.join("；", parts));
        return sb.length() <= DSCR_MAX ? sb.toString() : sb.substring(0, DSCR_MAX);
    }

    private static void money(final List<String> parts, final String field, final long center, final long inst)
    {
        if (center != inst)
        {
            parts.add(field + " 中心" + Decimals.format(center, 2) + "≠机构" + Decimals.format(inst, 2) + "(差" +
                Decimals.format(center - inst, 2) + ")");
        }
    }
}

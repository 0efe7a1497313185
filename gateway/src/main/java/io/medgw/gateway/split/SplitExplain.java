package io.medgw.gateway.split;

import io.medgw.codec.Decimals;
import io.medgw.codec.Units;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.CapGroup;
import io.medgw.gateway.reference.Policy;

/** The explanation lines of §4–§5 (only when the result asks for an explanation; allocates). */
final class SplitExplain
{
    void deductible(
        final SettlementResult r, final BenefitClass b, final boolean perSettlement, final long ded, final long used,
        final long remaining)
    {
        final StringBuilder x = r.explain;
        x.append("§4.1 deductible (").append(perSettlement ? "per settlement" : "annual, class ").append(perSettlement ? "" : b.label())
            .append("): ");
        yuan(x, ded).append(" − used ");
        yuan(x, used).append(" = remaining ");
        yuan(x, remaining).append("; act_pay_dedc = min(inscp ");
        yuan(x, r.inscpScpAmt).append(", ");
        yuan(x, remaining).append(") = ");
        yuan(x, r.actPayDedc).append('\n');
    }

    void pool(
        final SettlementResult r, final int cellRatio, final int adjust, final long base, final CapGroup g, final long cap,
        final long used, final long within, final long baseOver)
    {
        final StringBuilder x = r.explain;
        x.append("§4.2 pool: ratio ");
        ratio(x, cellRatio);
        if (adjust != 0)
        {
            x.append(" 异地 adjust ");
            ratio(x, adjust).append(" clamped → ");
            ratio(x, r.poolRatioBp);
        }
        x.append("; base inscp − act_pay_dedc = ");
        yuan(x, base).append("; cap group ").append(g.label()).append(" cap ");
        cap(x, cap).append(" paid ");
        yuan(x, used);
        if (r.poolRatioBp == 0)
        {
            x.append("; ratio 0: hifp_pay 0, base_over 0\n");
            return;
        }
        x.append("; base_within ");
        yuan(x, within).append("; hifp_pay = pct(");
        yuan(x, within).append(", ");
        ratio(x, r.poolRatioBp).append(") = ");
        yuan(x, r.hifpPay).append("; base_over ");
        yuan(x, baseOver).append('\n');
    }

    void serious(
        final SettlementResult r, final Policy.SeriousRule rule, final long total, final long s, final long bands,
        final long paid)
    {
        final StringBuilder x = r.explain;
        x.append("§4.4 serious illness (390200): s = inscp − hifp_pay = ");
        yuan(x, s).append("; S ");
        yuan(x, total).append(" → ");
        yuan(x, total + s).append("; threshold ");
        yuan(x, rule.thresholdFen()).append("; bands pay ");
        yuan(x, bands).append("; cap ");
        cap(x, rule.capFen()).append(" paid ");
        yuan(x, paid).append(" → hifmi_pay ");
        yuan(x, r.hifmiPay).append('\n');
    }

    void assist(
        final SettlementResult r, final String category, final long m, final long ded, final long used, final long dedPart)
    {
        final StringBuilder x = r.explain;
        x.append("§4.6 assistance category ").append(category).append(": m = ");
        yuan(x, m).append("; deductible ");
        yuan(x, Math.max(0, ded)).append(" used ");
        yuan(x, used).append(" → ded_part ");
        yuan(x, dedPart).append('\n');
    }

    void simple(
        final SettlementResult r, final String head, final long base, final int ratioBp, final long cap, final long used,
        final long pay)
    {
        final StringBuilder x = r.explain;
        x.append(head);
        yuan(x, base).append(", ");
        ratio(x, ratioBp).append(") = ");
        yuan(x, Units.pct(base, ratioBp)).append("; cap ");
        cap(x, cap).append(" paid ");
        yuan(x, used).append(" → pays ");
        yuan(x, pay).append('\n');
    }

    void personal(final SettlementResult r)
    {
        final StringBuilder x = r.explain;
        x.append("§4 fund_pay_sumamt ");
        yuan(x, r.fundPaySumamt).append("\n§5 psn_part_amt = medfee_sumamt − fund_pay_sumamt = ");
        yuan(x, r.psnPartAmt).append("; acct_pay ");
        yuan(x, r.acctPay).append("; acct_mulaid_pay ");
        yuan(x, r.acctMulaidPay);
        if (r.mulaidHolderPsnNo != null)
        {
            x.append(" (holder ").append(r.mulaidHolderPsnNo).append(')');
        }
        x.append("; psn_cash_pay ");
        yuan(x, r.psnCashPay).append("; balc ");
        yuan(x, r.balc).append('\n');
    }

    private static StringBuilder yuan(final StringBuilder x, final long fen)
    {
        return Decimals.append(x, fen, 2);
    }

    private static StringBuilder ratio(final StringBuilder x, final int bp)
    {
        return Decimals.append(x, bp, 4);
    }

    private static StringBuilder cap(final StringBuilder x, final long cap)
    {
        return cap == Units.NO_CAP ? x.append("none") : yuan(x, cap);
    }
}

package io.medgw.gateway.query;

import io.medgw.codec.Dates;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.CapGroup;
import io.medgw.gateway.reference.Person;
import io.medgw.gateway.state.SettlementState;
import io.medgw.gateway.state.YearAccumulators;
import io.medgw.gateway.visit.VisitChecks;

/**
 * 5206 人员累计信息查询: the person's accumulators (settlement-rules.md §4) for the calendar year of
 * {@code cum_ym} ({@code yyyyMM}; absent: the year of inf_time), one {@code cuminfo} row each, in
 * this order with these {@code cum_type_code}s:
 * <pre>
 *   ded_outpatient … ded_maternity   deductible (起付线) used, per benefit class
 *   pool_main, pool_outpatient, pool_maternity   basic pool (or maternity fund) paid, per cap group
 *   large          职工大额 paid            serious_base   居民大病 running total S
 *   serious        居民大病 paid            civil          公务员补助 paid
 *   assist_ded     医疗救助 deductible used  assist         医疗救助 paid
 *   &lt;fund_pay_type&gt;  each "N" fund the year has seen (e.g. 350100)
 * </pre>
 * Rows are carried in the result's setldetail arrays (code in {@code fundPayType}, name in
 * {@code fundPayTypeName}, value in {@code fundPayamt}) up to {@link SettlementResult#MAX_FUND_ROWS}.
 * Refusals: no psn_no E5002; unknown person E1001; cum_ym not yyyyMM E5001. A query.
 */
final class AccumulatorQuery
{
    private static final String[] DED_CODES = new String[BenefitClass.values().length];
    private static final String[] DED_NAMES = new String[BenefitClass.values().length];
    private static final String[] POOL_CODES = new String[CapGroup.values().length];
    private static final String[] POOL_NAMES = new String[CapGroup.values().length];

    static
    {
        for (final BenefitClass c : BenefitClass.values())
        {
            DED_CODES[c.ordinal()] = "ded_" + c.label();
            DED_NAMES[c.ordinal()] = "起付线累计 (deductible used, " + c.label() + ")";
        }
        for (final CapGroup g : CapGroup.values())
        {
            POOL_CODES[g.ordinal()] = "pool_" + g.label();
            POOL_NAMES[g.ordinal()] = "统筹基金支付累计 (pool paid, " + g.label() + ")";
        }
    }

    private final SettlementState state;

    AccumulatorQuery(final SettlementState state)
    {
        this.state = state;
    }

    void process(final SettlementEvent e)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        if (!VisitChecks.require(res, req.psnNo, "input.data.psn_no"))
        {
            return;
        }
        final Person p = e.ref.personByPsnNo(req.psnNo);
        if (p == null)
        {
            res.refuse(ErrorCode.E1001, "人员编号不存在：psn_no=" + req.psnNo + " (unknown person; query 1101 first)");
            return;
        }
        final int year = year(req.cumYm, e.year);
        if (year < 0)
        {
            res.refuse(ErrorCode.E5001, "input.data.cum_ym=" + req.cumYm + " 不是 yyyyMM (cum_ym must be a year and month, e.g. 202603)");
            return;
        }
        res.psnNo = p.psnNo();
        res.insutype = p.insutype();
        res.accYear = year;
        final YearAccumulators y = state.accumulators(p.psnNo(), year);
        for (final BenefitClass c : BenefitClass.values())
        {
            row(res, DED_CODES[c.ordinal()], DED_NAMES[c.ordinal()], y.dedUsed(c));
        }
        for (final CapGroup g : CapGroup.values())
        {
            row(res, POOL_CODES[g.ordinal()], POOL_NAMES[g.ordinal()], y.poolPaid(g));
        }
        row(res, "large", "职工大额医疗费用补助支付累计 (large-amount paid)", y.largePaid());
        row(res, "serious_base", "居民大病保险累计费用 (serious-illness running total)", y.seriousTotal());
        row(res, "serious", "居民大病保险支付累计 (serious-illness paid)", y.seriousPaid());
        row(res, "civil", "公务员医疗补助支付累计 (civil-servant subsidy paid)", y.civilPaid());
        row(res, "assist_ded", "医疗救助起付线累计 (assistance deductible used)", y.assistDedUsed());
        row(res, "assist", "医疗救助支付累计 (assistance paid)", y.assistPaid());
        for (int i = 0, n = y.nFundCount(); i < n; i++)
        {
            final String code = y.nFundCode(i);
            row(res, code, "补充保障基金支付累计 (fund " + code + " paid)", y.nFundPaid(code));
        }
    }

    private static void row(final SettlementResult res, final String code, final String name, final long value)
    {
        if (res.fundRowCount < SettlementResult.MAX_FUND_ROWS)
        {
            res.addFundRow(code, name, value, 0, -1);
        }
    }

    // cum_ym yyyyMM → its year; absent → fallback; malformed → -1
    static int year(final String cumYm, final int fallback)
    {
        if (cumYm == null)
        {
            return fallback;
        }
        if (cumYm.length() != 6)
        {
            return -1;
        }
        for (int i = 0; i < 6; i++)
        {
            if (cumYm.charAt(i) < '0' || cumYm.charAt(i) > '9')
            {
                return -1;
            }
        }
        final int y = Integer.parseInt(cumYm.substring(0, 4));
        final int m = Integer.parseInt(cumYm.substring(4));
        return m >= 1 && m <= 12 && Dates.ofYmd(y, m, 1) != Dates.NOT_A_DATE ? y : -1;
    }
}

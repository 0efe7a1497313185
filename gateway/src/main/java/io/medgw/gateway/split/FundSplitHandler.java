package io.medgw.gateway.split;

import com.lmax.disruptor.EventHandler;
import io.medgw.codec.Units;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.CapGroup;
import io.medgw.gateway.reference.Person;
import io.medgw.gateway.reference.Policy;
import io.medgw.gateway.state.SettlementState;
import io.medgw.gateway.state.YearAccumulators;

/**
 * The split stage, settlement-rules.md §4–§6: deductible, basic pool (cap groups, 异地 adjustment
 * and clamp), large-amount, serious-illness bands, civil-servant, assistance, the "N" funds, then
 * the personal payment ({@link PersonalPayment}) and the setldetail rows. It computes only: the
 * accumulator effects go into the result ({@code accYear, dedClass/dedUsed, poolGroup/poolPaid,
 * largePaid, seriousBase, seriousPaid, civilPaid, assistDedUsed, assistPaid, nFund*,
 * mulaidHolderPsnNo, acctPay, acctMulaidPay}) and {@link SettlementState#apply} applies them.
 * <p>
 * Thread: the state thread (it reads accumulators and balances, so it must run on the thread that
 * applies, after the previous slot was applied). Runs for pre-settlements and settlements that
 * passed identity and pricing. Reads {@code person, policy, cell, benefitClass, crossRegion,
 * filing, year} and the result's totals; writes the result's funds, payments, rows and effects.
 * Allocates nothing unless it explains.
 */
public final class FundSplitHandler implements EventHandler<SettlementEvent>
{
    /** N funds a policy may list (rows: 5 funds + N + the account row must fit the result). */
    public static final int MAX_N_FUNDS = SettlementResult.MAX_FUND_ROWS - 6;

    private final SettlementState state;
    private final SplitExplain explain = new SplitExplain();
    // §4.2 → §4.3: the part of the pool base above the cap.
    private long baseOver;

    /** @param state the settlement state (read only here). */
    public FundSplitHandler(final SettlementState state)
    {
        this.state = state;
    }

    @Override
    public void onEvent(final SettlementEvent event, final long sequence, final boolean endOfBatch)
    {
        onEvent(event);
    }

    /** @param e the slot; skipped unless it computes and may proceed. */
    public void onEvent(final SettlementEvent e)
    {
        if (!e.computes() || !e.proceed())
        {
            return;
        }
        final SettlementResult r = e.result;
        final YearAccumulators acc = state.accumulators(e.person.psnNo(), e.year);
        r.accYear = e.year;
        deductible(e, acc);
        pool(e, acc);
        large(e, acc);
        serious(e, acc);
        civil(e, acc);
        assist(e, acc);
        nFunds(e, acc);
        r.fundPaySumamt = r.hifpPay + r.hifobPay + r.hifmiPay + r.cvlservPay + r.mafPay + r.othPay;
        PersonalPayment.settle(e, state);
        if (r.acctPay + r.acctMulaidPay > 0)
        {
            r.addFundRow(FundSplit.ACCOUNT, FundSplit.ACCOUNT_NAME, r.acctPay + r.acctMulaidPay, r.inscpScpAmt, -1);
        }
        if (r.explain != null)
        {
            explain.personal(r);
        }
    }

    // §4.1: per settlement for inpatient and med_type 52, else annual per class.
    private void deductible(final SettlementEvent e, final YearAccumulators acc)
    {
        final SettlementResult r = e.result;
        final BenefitClass b = e.benefitClass;
        final long ded = Math.max(0, e.cell.deductibleFen());
        final boolean perSettlement = b == BenefitClass.INPATIENT || "52".equals(e.request.medType);
        final long used = perSettlement ? 0 : acc.dedUsed(b);
        final long remaining = Math.max(0, ded - used);
        r.actPayDedc = Math.min(r.inscpScpAmt, remaining);
        r.dedClass = perSettlement ? -1 : b.ordinal();
        r.dedUsed = perSettlement ? 0 : r.actPayDedc;
        if (r.explain != null)
        {
            explain.deductible(r, b, perSettlement, ded, used, remaining);
        }
    }

    // §4.2: pool (or maternity fund), ratio adjusted for 异地 and clamped, capped per group.
    private void pool(final SettlementEvent e, final YearAccumulators acc)
    {
        final SettlementResult r = e.result;
        final Policy p = e.policy;
        final int adjust = e.crossRegion && e.filing != null ? p.crossRegionAdjustBp(e.filing.dsgnType()) : 0;
        final int ratio = FundSplit.clampRatio(e.cell.ratioBp() + adjust);
        final long base = r.inscpScpAmt - r.actPayDedc;
        final Policy.ClassTable table = p.table(e.benefitClass);
        final CapGroup g = table.capGroup() != null ? table.capGroup() : CapGroup.defaultFor(e.benefitClass);
        final long cap = p.poolCapFen(g);
        final long used = acc.poolPaid(g);
        final long capRem = Units.remaining(cap, used);
        long within = 0;
        long hifp = 0;
        baseOver = 0;
        if (ratio != 0)
        {
            within = FundSplit.baseWithin(base, cap, capRem, ratio);
            hifp = Units.pct(within, ratio);
            baseOver = base - within;
        }
        r.poolRatioBp = ratio;
        r.hifpPay = hifp;
        r.poolGroup = g.ordinal();
        r.poolPaid = hifp;
        if (hifp != 0)
        {
            final boolean maternity = e.benefitClass == BenefitClass.MATERNITY;
            final boolean employee = "310".equals(e.person.insutype());
            r.addFundRow(maternity ? FundSplit.MATERNITY : employee ? FundSplit.POOL_310 : FundSplit.POOL_390,
                maternity ? FundSplit.MATERNITY_NAME : employee ? FundSplit.POOL_310_NAME : FundSplit.POOL_390_NAME,
                hifp, r.inscpScpAmt, FundSplit.limit(cap, used));
        }
        if (r.explain != null)
        {
            explain.pool(r, e.cell.ratioBp(), adjust, base, g, cap, used, within, baseOver);
        }
    }

    // §4.3: 职工大额 on the part of the base above the pool cap.
    private void large(final SettlementEvent e, final YearAccumulators acc)
    {
        final SettlementResult r = e.result;
        final Policy.FundRule rule = e.policy.large();
        if (rule == null || !"310".equals(e.person.insutype()) || !Policy.applies(rule.classMask(), e.benefitClass))
        {
            return;
        }
        final long pay = FundSplit.capped(Units.pct(baseOver, rule.ratioBp()), rule.capFen(), acc.largePaid());
        r.hifobPay = pay;
        r.largePaid = pay;
        if (pay != 0)
        {
            r.addFundRow(FundSplit.LARGE, FundSplit.LARGE_NAME, pay, r.inscpScpAmt, FundSplit.limit(rule.capFen(), acc.largePaid()));
        }
        if (r.explain != null)
        {
            explain.simple(r, "§4.3 large-amount (330100): pct(base_over ", baseOver, rule.ratioBp(), rule.capFen(), acc.largePaid(), pay);
        }
    }

    // §4.4: 居民大病 over the bands of [S − T, S + s − T); S += s even once the cap is exhausted.
    private void serious(final SettlementEvent e, final YearAccumulators acc)
    {
        final SettlementResult r = e.result;
        final Policy.SeriousRule rule = e.policy.serious();
        if (rule == null || !"390".equals(e.person.insutype()) || !Policy.applies(rule.classMask(), e.benefitClass))
        {
            return;
        }
        final long s = r.inscpScpAmt - r.hifpPay;
        final long bands = FundSplit.seriousBands(rule, acc.seriousTotal(), s);
        final long pay = FundSplit.capped(bands, rule.capFen(), acc.seriousPaid());
        r.seriousBase = s;
        r.seriousPaid = pay;
        r.hifmiPay = pay;
        if (pay != 0)
        {
            r.addFundRow(FundSplit.SERIOUS, FundSplit.SERIOUS_NAME, pay, r.inscpScpAmt,
                FundSplit.limit(rule.capFen(), acc.seriousPaid()));
        }
        if (r.explain != null)
        {
            explain.serious(r, rule, acc.seriousTotal(), s, bands, acc.seriousPaid());
        }
    }

    // §4.5: 公务员医疗补助.
    private void civil(final SettlementEvent e, final YearAccumulators acc)
    {
        final SettlementResult r = e.result;
        final Policy.FundRule rule = e.policy.civil();
        if (rule == null || !e.person.cvlserv() || !Policy.applies(rule.classMask(), e.benefitClass))
        {
            return;
        }
        final long base = r.inscpScpAmt - r.hifpPay - r.hifobPay - r.hifmiPay;
        final long pay = FundSplit.capped(Units.pct(base, rule.ratioBp()), rule.capFen(), acc.civilPaid());
        r.cvlservPay = pay;
        r.civilPaid = pay;
        if (pay != 0)
        {
            r.addFundRow(FundSplit.CIVIL, FundSplit.CIVIL_NAME, pay, r.inscpScpAmt, FundSplit.limit(rule.capFen(), acc.civilPaid()));
        }
        if (r.explain != null)
        {
            explain.simple(r, "§4.5 civil servant (320100): pct(inscp − hifp − hifob − hifmi ", base, rule.ratioBp(),
                rule.capFen(), acc.civilPaid(), pay);
        }
    }

    // §4.6: 医疗救助 with its own annual deductible; accumulators per person per year.
    private void assist(final SettlementEvent e, final YearAccumulators acc)
    {
        final SettlementResult r = e.result;
        final Policy.AssistRule rule = e.policy.assist(e.person.assistCategory());
        if (rule == null || !Policy.applies(e.policy.assistClassMask(), e.benefitClass))
        {
            return;
        }
        final long m = r.inscpScpAmt - r.hifpPay - r.hifobPay - r.hifmiPay - r.cvlservPay;
        final long dedPart = Math.min(m, Math.max(0, Math.max(0, rule.deductibleFen()) - acc.assistDedUsed()));
        final long pay = FundSplit.capped(Units.pct(m - dedPart, rule.ratioBp()), rule.capFen(), acc.assistPaid());
        r.assistDedUsed = dedPart;
        r.assistPaid = pay;
        r.mafPay = pay;
        if (pay != 0)
        {
            r.addFundRow(FundSplit.ASSIST, FundSplit.ASSIST_NAME, pay, r.inscpScpAmt, FundSplit.limit(rule.capFen(), acc.assistPaid()));
        }
        if (r.explain != null)
        {
            explain.assist(r, e.person.assistCategory(), m, rule.deductibleFen(), acc.assistDedUsed(), dedPart);
            explain.simple(r, "§4.6 assistance (610100): pct(m − ded_part ", m - dedPart, rule.ratioBp(), rule.capFen(),
                acc.assistPaid(), pay);
        }
    }

    // §4.7: the "N" funds in policy order, each on what is still unpaid.
    private void nFunds(final SettlementEvent e, final YearAccumulators acc)
    {
        final SettlementResult r = e.result;
        final Person person = e.person;
        long paid = r.hifpPay + r.hifobPay + r.hifmiPay + r.cvlservPay + r.mafPay;
        long oth = 0;
        for (final Policy.NFund f : e.policy.nFunds())
        {
            if (!person.hasFlag(f.flag()) || !Policy.applies(f.classMask(), e.benefitClass))
            {
                continue;
            }
            final long base = r.inscpScpAmt - paid;
            final long used = acc.nFundPaid(f.fundPayType());
            final long pay = FundSplit.capped(Units.pct(base, f.ratioBp()), f.capFen(), used);
            if (r.explain != null)
            {
                explain.simple(r, "§4.7 N fund " + f.fundPayType() + ": pct(inscp − paid so far ", base, f.ratioBp(),
                    f.capFen(), used, pay);
            }
            if (pay == 0)
            {
                continue;
            }
            if (r.nFundCount == MAX_N_FUNDS)
            {
                throw new IllegalStateException("policy pays more than " + MAX_N_FUNDS + " N funds");
            }
            r.nFundCode[r.nFundCount] = f.fundPayType();
            r.nFundPaid[r.nFundCount] = pay;
            r.nFundCount++;
            r.addFundRow(f.fundPayType(), f.name(), pay, r.inscpScpAmt, FundSplit.limit(f.capFen(), used));
            paid += pay;
            oth += pay;
        }
        r.othPay = oth;
    }
}

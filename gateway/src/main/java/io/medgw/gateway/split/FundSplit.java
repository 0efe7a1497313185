package io.medgw.gateway.split;

import io.medgw.codec.Units;
import io.medgw.gateway.reference.Policy;

/**
 * The pure integer computations of settlement-rules.md §4 that need more than one line: the
 * capped pool base (§4.2) and the serious-illness bands (§4.4). Stateless; no allocation.
 */
public final class FundSplit
{
    /** fund_pay_type codes and names (§6). */
    public static final String POOL_310 = "310100";
    public static final String POOL_310_NAME = "城镇职工基本医疗保险统筹基金";
    public static final String POOL_390 = "390100";
    public static final String POOL_390_NAME = "城乡居民基本医疗保险基金";
    public static final String MATERNITY = "510100";
    public static final String MATERNITY_NAME = "生育基金";
    public static final String LARGE = "330100";
    public static final String LARGE_NAME = "大额医疗费用补助基金";
    public static final String SERIOUS = "390200";
    public static final String SERIOUS_NAME = "城乡居民大病医疗保险基金";
    public static final String CIVIL = "320100";
    public static final String CIVIL_NAME = "公务员医疗补助基金";
    public static final String ASSIST = "610100";
    public static final String ASSIST_NAME = "医疗救助基金";
    public static final String ACCOUNT = "310200";
    public static final String ACCOUNT_NAME = "城镇职工基本医疗保险个人账户基金";

    private static final long MAX_SCALABLE = Long.MAX_VALUE / Units.FULL_BP;

    private FundSplit()
    {
    }

    /**
     * §4.2: the part of the base the pool may pay on before its cap binds,
     * {@code min(base, floor(cap_rem × 10000 / r))}, or {@code base} when there is no cap.
     *
     * @param base    inscp − act_pay_dedc, ≥ 0.
     * @param cap     the group's annual cap, or {@link Units#NO_CAP}.
     * @param capRem  {@code max(0, cap − pool_paid)}.
     * @param ratioBp the adjusted ratio, 1..10000 (the caller handles 0).
     * @return base_within.
     */
    public static long baseWithin(final long base, final long cap, final long capRem, final int ratioBp)
    {
        if (cap == Units.NO_CAP || capRem > MAX_SCALABLE)
        {
            return base;
        }
        return Math.min(base, capRem * Units.FULL_BP / ratioBp);
    }

    /**
     * §4.4: the serious-illness payment before the annual cap. The interval {@code [S − T, S + s − T)}
     * is cut by the bands (measured from T, contiguous, the last open); each part pays
     * {@code pct(part, k)} and the parts are summed.
     *
     * @param rule  the policy's serious rule.
     * @param total the year's running total S before this settlement.
     * @param s     this settlement's amount (inscp − hifp_pay).
     * @return the sum over bands (cap not applied).
     */
    public static long seriousBands(final Policy.SeriousRule rule, final long total, final long s)
    {
        final long lo = total - rule.thresholdFen();
        final long hi = lo + s;
        final long[] from = rule.bandFromFen();
        final int[] ratio = rule.bandRatioBp();
        long sum = 0;
        for (int i = 0; i < from.length; i++)
        {
            final long to = i + 1 < from.length ? from[i + 1] : Long.MAX_VALUE;
            final long a = Math.max(lo, from[i]);
            final long b = Math.min(hi, to);
            if (b > a)
            {
                sum += Units.pct(b - a, ratio[i]);
            }
        }
        return sum;
    }

    /**
     * @param amount what a fund would pay.
     * @param cap    its annual cap, or {@link Units#NO_CAP}.
     * @param used   what it paid this year.
     * @return {@code min(amount, remaining(cap, used))}.
     */
    public static long capped(final long amount, final long cap, final long used)
    {
        return Math.min(amount, Units.remaining(cap, used));
    }

    /** @param cap a cap or NO_CAP. @param used used. @return remaining, or -1 for no cap (crt_payb_lmt_amt). */
    public static long limit(final long cap, final long used)
    {
        return cap == Units.NO_CAP ? -1 : Math.max(0, cap - used);
    }

    /** @param bp a signed ratio. @return it clamped to [0, 10000]. */
    public static int clampRatio(final int bp)
    {
        return Math.max(0, Math.min(Units.FULL_BP, bp));
    }
}

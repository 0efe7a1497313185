package io.medgw.gateway.reference;

import java.util.Map;

/**
 * The benefit policy (待遇政策) of one 参保地 × insutype × calendar year: every parameter of
 * settlement-rules.md §4. Immutable; built by the loader from {@code policy_cells.csv} and
 * {@code policy_funds.csv}. Ratios bp, money fen, caps {@link io.medgw.codec.Units#NO_CAP} when empty.
 * A "class mask" has bit {@code 1 << BenefitClass.ordinal()} set for each class a fund applies to.
 */
public final class Policy
{
    /** One (deductible, ratio) cell. @param deductibleFen 起付线 @param ratioBp pool ratio */
    public record Cell(long deductibleFen, int ratioBp)
    {
    }

    /**
     * Cells of one benefit class.
     *
     * @param capGroup the pool cap group of the class.
     * @param cells    psn_type → cells indexed by institution level 0..3 (null where absent).
     */
    public record ClassTable(CapGroup capGroup, Map<String, Cell[]> cells)
    {
    }

    /** A simple fund (large-amount, civil-servant). @param ratioBp ratio @param capFen annual cap or NO_CAP @param classMask classes */
    public record FundRule(int ratioBp, long capFen, int classMask)
    {
    }

    /**
     * Serious-illness insurance (居民大病).
     *
     * @param thresholdFen T.
     * @param bandFromFen  band starts measured from T, ascending, first 0; band i ends where i+1 starts, the last is open.
     * @param bandRatioBp  ratio per band.
     * @param capFen       annual cap or NO_CAP.
     * @param classMask    classes.
     */
    public record SeriousRule(long thresholdFen, long[] bandFromFen, int[] bandRatioBp, long capFen, int classMask)
    {
    }

    /** Assistance for one category. @param deductibleFen annual @param ratioBp ratio @param capFen cap or NO_CAP */
    public record AssistRule(long deductibleFen, int ratioBp, long capFen)
    {
    }

    /**
     * An "N" subsidy fund.
     *
     * @param flag        the person flag that qualifies.
     * @param fundPayType its fund_pay_type code.
     * @param name        its fund_pay_type_name.
     * @param ratioBp     ratio.
     * @param capFen      annual cap or NO_CAP.
     * @param classMask   classes.
     */
    public record NFund(String flag, String fundPayType, String name, int ratioBp, long capFen, int classMask)
    {
    }

    public static final int DEFAULT_CLASS_MASK_LARGE = mask(BenefitClass.INPATIENT, BenefitClass.CHRONIC);
    public static final int DEFAULT_CLASS_MASK_SERIOUS = mask(BenefitClass.INPATIENT, BenefitClass.CHRONIC);
    public static final int DEFAULT_CLASS_MASK_OTHER = mask(BenefitClass.OUTPATIENT, BenefitClass.CHRONIC, BenefitClass.INPATIENT);

    private final String insuplcAdmdvs;
    private final String insutype;
    private final int year;
    private final ClassTable[] classes;
    private final long[] poolCapFen;
    private final FundRule large;
    private final SeriousRule serious;
    private final FundRule civil;
    private final Map<String, AssistRule> assist;
    private final int assistClassMask;
    private final NFund[] nFunds;
    private final Map<String, Integer> crossRegionAdjustBp;

    /**
     * @param insuplcAdmdvs       参保地.
     * @param insutype            insutype.
     * @param year                calendar year.
     * @param classes             by BenefitClass ordinal; null where the class has no table.
     * @param poolCapFen          by CapGroup ordinal; NO_CAP where empty.
     * @param large               or null (pays 0).
     * @param serious             or null (pays 0).
     * @param civil               or null (pays 0).
     * @param assist              category → rule (may be empty).
     * @param assistClassMask     classes assistance applies to.
     * @param nFunds              in policy order (may be empty).
     * @param crossRegionAdjustBp dsgn_type → signed bp adjustment (absent = 0).
     */
    public Policy(
        final String insuplcAdmdvs,
        final String insutype,
        final int year,
        final ClassTable[] classes,
        final long[] poolCapFen,
        final FundRule large,
        final SeriousRule serious,
        final FundRule civil,
        final Map<String, AssistRule> assist,
        final int assistClassMask,
        final NFund[] nFunds,
        final Map<String, Integer> crossRegionAdjustBp)
    {
        this.insuplcAdmdvs = insuplcAdmdvs;
        this.insutype = insutype;
        this.year = year;
        this.classes = classes;
        this.poolCapFen = poolCapFen;
        this.large = large;
        this.serious = serious;
        this.civil = civil;
        this.assist = assist;
        this.assistClassMask = assistClassMask;
        this.nFunds = nFunds;
        this.crossRegionAdjustBp = crossRegionAdjustBp;
    }

    /** @param classes the classes. @return their mask. */
    public static int mask(final BenefitClass... classes)
    {
        int m = 0;
        for (final BenefitClass c : classes)
        {
            m |= 1 << c.ordinal();
        }
        return m;
    }

    /** @param classMask a mask. @param c a class. @return true if c is in the mask. */
    public static boolean applies(final int classMask, final BenefitClass c)
    {
        return (classMask & (1 << c.ordinal())) != 0;
    }

    public String insuplcAdmdvs()
    {
        return insuplcAdmdvs;
    }

    public String insutype()
    {
        return insutype;
    }

    public int year()
    {
        return year;
    }

    /** @param c class. @return its table, or null. */
    public ClassTable table(final BenefitClass c)
    {
        return classes[c.ordinal()];
    }

    /**
     * @param c      class.
     * @param hospLv institution level 0..3.
     * @param psnType psn_type.
     * @return the cell, or null (E1071).
     */
    public Cell cell(final BenefitClass c, final int hospLv, final String psnType)
    {
        final ClassTable t = classes[c.ordinal()];
        if (t == null)
        {
            return null;
        }
        final Cell[] byLevel = t.cells().get(psnType);
        return byLevel == null || hospLv < 0 || hospLv >= byLevel.length ? null : byLevel[hospLv];
    }

    /** @param g group. @return its annual pool cap, or NO_CAP. */
    public long poolCapFen(final CapGroup g)
    {
        return poolCapFen[g.ordinal()];
    }

    public FundRule large()
    {
        return large;
    }

    public SeriousRule serious()
    {
        return serious;
    }

    public FundRule civil()
    {
        return civil;
    }

    /** @param category assistance category. @return its rule, or null (pays nothing). */
    public AssistRule assist(final String category)
    {
        return category == null ? null : assist.get(category);
    }

    public Map<String, AssistRule> assistRules()
    {
        return assist;
    }

    public int assistClassMask()
    {
        return assistClassMask;
    }

    /** @return the N funds in policy order (do not modify). */
    public NFund[] nFunds()
    {
        return nFunds;
    }

    /** @param dsgnType 备案 type. @return the signed adjustment in bp (0 if none configured). */
    public int crossRegionAdjustBp(final String dsgnType)
    {
        final Integer v = crossRegionAdjustBp.get(dsgnType);
        return v == null ? 0 : v;
    }

    public Map<String, Integer> crossRegionAdjustments()
    {
        return crossRegionAdjustBp;
    }
}

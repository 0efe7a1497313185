package io.medgw.gateway.reference;

import io.medgw.gateway.reference.Policy.AssistRule;
import io.medgw.gateway.reference.Policy.FundRule;
import io.medgw.gateway.reference.Policy.NFund;

import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and checks {@code policy_funds.csv}: one row per parameter, {@code fund} naming its kind.
 * Each kind uses some of the columns {@code key … name}; the others must stay empty. One thread.
 */
final class PolicyFundsReader
{
    static final String FILE = "policy_funds.csv";
    static final String[] COLUMNS = {
        "insuplc_admdvs", "insutype", "year", "fund", "key", "ratio", "cap", "deductible", "classes", "fund_pay_type", "name" };
    private static final int FUND = 3;
    private static final int KEY = 4;
    private static final int RATIO = 5;
    private static final int CAP = 6;
    private static final int DEDUCTIBLE = 7;
    private static final int CLASSES = 8;
    private static final int FUND_PAY_TYPE = 9;
    private static final int NAME = 10;

    private static final String[] KINDS = {
        "pool_cap", "cap_group", "large", "serious", "serious_band", "civil", "assist", "n", "cross_region_adjust" };
    /** Per kind (same order as KINDS), the columns KEY..NAME it uses, as bits {@code 1 << column}. */
    private static final int[] USES = {
        bits(KEY, CAP),
        bits(KEY, NAME),
        bits(RATIO, CAP, CLASSES),
        bits(DEDUCTIBLE, CAP, CLASSES),
        bits(KEY, RATIO),
        bits(RATIO, CAP, CLASSES),
        bits(KEY, DEDUCTIBLE, RATIO, CAP, CLASSES),
        bits(KEY, RATIO, CAP, CLASSES, FUND_PAY_TYPE, NAME),
        bits(KEY, RATIO) };
    private static final String[] DSGN_TYPES = { "1", "2", "3", "4" };

    private PolicyFundsReader()
    {
    }

    private static int bits(final int... columns)
    {
        int b = 0;
        for (final int c : columns)
        {
            b |= 1 << c;
        }
        return b;
    }

    static void read(final Path dir, final Map<String, PolicyBuilder> builders, final Interner interner, final RowProblems problems)
    {
        try (CsvRows r = CsvRows.open(dir, COLUMNS, false, problems))
        {
            while (r != null && r.next())
            {
                final PolicyBuilder b = PolicyReader.builderOf(r, builders, interner);
                final String kind = Cells.oneOf(r, FUND, KINDS);
                if (kind == null)
                {
                    continue;
                }
                final int uses = USES[indexOf(kind)];
                for (int col = KEY; col <= NAME; col++)
                {
                    if ((uses & (1 << col)) == 0 && !r.isEmpty(col))
                    {
                        r.problem(col, "not used by a " + kind + " row (leave it empty)");
                    }
                }
                if (b != null)
                {
                    b.seenInFunds(r.line());
                }
                row(r, kind, b, interner);
            }
        }
    }

    private static int indexOf(final String kind)
    {
        for (int i = 0; i < KINDS.length; i++)
        {
            if (KINDS[i].equals(kind))
            {
                return i;
            }
        }
        throw new IllegalArgumentException(kind);
    }

    /** Parses the row of one kind and hands it to the builder (if the policy key was good). */
    private static void row(final CsvRows r, final String kind, final PolicyBuilder b, final Interner interner)
    {
        final int before = r.problemCount();
        switch (kind)
        {
            case "pool_cap":
            {
                final CapGroup g = capGroup(r, KEY);
                final long cap = Cells.cap(r, CAP);
                if (r.problemCount() == before && b != null)
                {
                    refuse(r, KEY, b.poolCap(g, cap, r.line()));
                }
                return;
            }
            case "cap_group":
                capGroupRow(r, b, before);
                return;
            case "large":
            case "civil":
                simpleFund(r, kind, b, before);
                return;
            case "serious":
            {
                final long threshold = Cells.money(r, DEDUCTIBLE);
                final long cap = Cells.cap(r, CAP);
                final int mask = PolicyReader.classMask(r, CLASSES, Policy.DEFAULT_CLASS_MASK_SERIOUS);
                requireInsutype(r, b, "390", "serious (居民大病保险)");
                if (r.problemCount() == before && b != null)
                {
                    refuse(r, FUND, b.serious(threshold, cap, mask, r.line()));
                }
                return;
            }
            case "serious_band":
            {
                final long from = Cells.money(r, KEY);
                final int ratio = Cells.ratio(r, RATIO);
                requireInsutype(r, b, "390", "serious_band (居民大病保险)");
                if (r.problemCount() == before && b != null)
                {
                    refuse(r, KEY, b.seriousBand(from, ratio, r.line()));
                }
                return;
            }
            case "assist":
                assist(r, b, before, interner);
                return;
            case "n":
                nFund(r, b, before, interner);
                return;
            default: // cross_region_adjust
            {
                final String dsgnType = Cells.oneOf(r, KEY, DSGN_TYPES);
                final int bp = Cells.signedRatio(r, RATIO);
                if (r.problemCount() == before && b != null)
                {
                    refuse(r, KEY, b.crossRegionAdjust(dsgnType, bp, r.line()));
                }
            }
        }
    }

    private static void capGroupRow(final CsvRows r, final PolicyBuilder b, final int before)
    {
        final BenefitClass c = PolicyReader.benefitClass(r, KEY);
        final CapGroup g = capGroup(r, NAME);
        if (c != null && c != BenefitClass.MATERNITY && g == CapGroup.MATERNITY)
        {
            r.problem(NAME, "maternity is reserved for class maternity; " + c.label() + " cannot use it");
        }
        if (c == BenefitClass.MATERNITY && g != null && g != CapGroup.MATERNITY)
        {
            r.problem(NAME, g.label() + ": class maternity must use cap group maternity");
        }
        if (r.problemCount() == before && b != null)
        {
            refuse(r, KEY, b.capGroup(c, g, r.line()));
        }
    }

    private static void refuse(final CsvRows r, final int col, final String reason)
    {
        if (reason != null)
        {
            r.problem(col, reason);
        }
    }

    private static void simpleFund(final CsvRows r, final String kind, final PolicyBuilder b, final int before)
    {
        final boolean large = kind.equals("large");
        final int ratio = Cells.ratio(r, RATIO);
        final long cap = Cells.cap(r, CAP);
        final int mask = PolicyReader.classMask(r, CLASSES, large ? Policy.DEFAULT_CLASS_MASK_LARGE : Policy.DEFAULT_CLASS_MASK_OTHER);
        if (large)
        {
            requireInsutype(r, b, "310", "large (职工大额补助)");
        }
        if (r.problemCount() == before && b != null)
        {
            final FundRule rule = new FundRule(ratio, cap, mask);
            refuse(r, FUND, large ? b.large(rule, r.line()) : b.civil(rule, r.line()));
        }
    }

    private static void assist(final CsvRows r, final PolicyBuilder b, final int before, final Interner interner)
    {
        final String category = r.required(KEY);
        final long deductible = Cells.money(r, DEDUCTIBLE, 0L);
        final int ratio = Cells.ratio(r, RATIO);
        final long cap = Cells.cap(r, CAP);
        final int mask = PolicyReader.classMask(r, CLASSES, Policy.DEFAULT_CLASS_MASK_OTHER);
        if (b != null && mask != Cells.BAD)
        {
            final String differs = b.assistClasses(mask, r.line());
            if (differs != null)
            {
                r.problem(CLASSES, differs);
            }
        }
        if (r.problemCount() == before && b != null)
        {
            refuse(r, KEY, b.assist(interner.intern(category), new AssistRule(deductible, ratio, cap), r.line()));
        }
    }

    private static void nFund(final CsvRows r, final PolicyBuilder b, final int before, final Interner interner)
    {
        final String flag = r.required(KEY);
        final int ratio = Cells.ratio(r, RATIO);
        final long cap = Cells.cap(r, CAP);
        final int mask = PolicyReader.classMask(r, CLASSES, Policy.DEFAULT_CLASS_MASK_OTHER);
        final String fundPayType = r.required(FUND_PAY_TYPE);
        final String name = r.required(NAME);
        if (r.problemCount() == before && b != null)
        {
            refuse(r, KEY, b.nFund(new NFund(interner.intern(flag), fundPayType, name, ratio, cap, mask), r.line()));
        }
    }

    private static CapGroup capGroup(final CsvRows r, final int col)
    {
        final String v = r.required(col);
        final CapGroup g = v == null ? null : CapGroup.ofLabel(v);
        if (v != null && g == null)
        {
            r.problem(col, v + " is not a cap group (main, outpatient, maternity)");
        }
        return g;
    }

    private static void requireInsutype(final CsvRows r, final PolicyBuilder b, final String insutype, final String what)
    {
        if (b != null && !insutype.equals(b.insutype()))
        {
            r.problem(FUND, what + " is for insutype " + insutype + " only; this policy is insutype " + b.insutype());
        }
    }
}

package io.medgw.gateway.settlement;

import io.medgw.codec.Units;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.CapGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.medgw.gateway.TestRegion.LOCAL;
import static io.medgw.gateway.TestRegion.OTHER;
import static io.medgw.gateway.TestRegion.day;

/**
 * A random region for property tests: the standard institutions, a random catalogue, random
 * policies (caps often small so they bind; ratios including 0 and 100%; random serious bands,
 * assistance, N funds and 异地 adjustments), random persons, filings and bindings.
 */
final class RandomRegion
{
    static final String[] FLAGS = {"F1", "F2", "F3"};
    static final String[] CATEGORIES = {"A1", "A2", "A9"};
    static final String[] EMPLOYEE_TYPES = {"1101", "1201"};
    static final String[] RESIDENT_TYPES = {"1501", "1403"};

    final TestRegion region = TestRegion.empty();
    final List<String> codes = new ArrayList<>();
    final List<String> persons = new ArrayList<>();

    RandomRegion(final SplittableRandom rnd)
    {
        region.hospital(TestRegion.H3, LOCAL, 3, true).hospital(TestRegion.H2, LOCAL, 2, true)
            .hospital(TestRegion.H1, LOCAL, 1, false).pharmacy(TestRegion.PH, LOCAL, false)
            .pharmacy(TestRegion.PD, LOCAL, true).hospital(TestRegion.HO, OTHER, 2, true);
        catalogue(rnd);
        for (final String admdvs : new String[] {LOCAL, OTHER})
        {
            for (final int year : new int[] {2025, 2026})
            {
                policy(rnd, region.policy(admdvs, "310", year), EMPLOYEE_TYPES, true);
                policy(rnd, region.policy(admdvs, "390", year), RESIDENT_TYPES, false);
            }
        }
        persons(rnd);
    }

    private void catalogue(final SplittableRandom rnd)
    {
        final int n = 8 + rnd.nextInt(12);
        for (int i = 0; i < n; i++)
        {
            final String code = "K" + i;
            codes.add(code);
            final int lv = 1 + rnd.nextInt(3);
            final long cap = rnd.nextInt(4) == 0 ? 1 + rnd.nextLong(200_000_000L) : Units.NO_CAP;
            final int minLv = rnd.nextInt(6) == 0 ? 1 + rnd.nextInt(3) : 0;
            final boolean opsp = rnd.nextInt(8) == 0;
            final boolean dual = rnd.nextInt(6) == 0;
            final boolean expires = rnd.nextInt(8) == 0;
            for (final String admdvs : new String[] {LOCAL, OTHER})
            {
                TestRegion.ItemBuilder b = region.item(admdvs, code);
                b = lv == 1 ? b.jia() : lv == 2 ? b.yi(rnd.nextInt(5001)) : b.bing();
                b.priceCap(cap).minHospLv(minLv);
                if (opsp)
                {
                    b.opspOnly();
                }
                if (dual)
                {
                    b.dualChannel();
                }
                if (expires)
                {
                    b.valid(TestRegion.LONG_AGO, day("2026-06-30"));
                }
                b.add();
            }
        }
    }

    private static long cap(final SplittableRandom rnd, final long scale)
    {
        return rnd.nextInt(3) == 0 ? Units.NO_CAP : rnd.nextLong(scale + 1);
    }

    private static int ratio(final SplittableRandom rnd)
    {
        final int k = rnd.nextInt(10);
        return k == 0 ? 0 : k == 1 ? 10_000 : rnd.nextInt(10_001);
    }

    private static void policy(
        final SplittableRandom rnd, final TestRegion.PolicyBuilder p, final String[] types, final boolean employee)
    {
        for (final String pt : types)
        {
            for (final BenefitClass c : BenefitClass.values())
            {
                for (int lv = 0; lv <= 3; lv++)
                {
                    if (rnd.nextInt(40) != 0)
                    {
                        p.cell(c, lv, pt, rnd.nextInt(4) == 0 ? 0 : rnd.nextLong(150_000), ratio(rnd));
                    }
                }
            }
        }
        for (final CapGroup g : CapGroup.values())
        {
            p.poolCap(g, cap(rnd, 2_000_000));
        }
        if (employee)
        {
            p.large(ratio(rnd), cap(rnd, 3_000_000));
            p.civil(ratio(rnd), cap(rnd, 500_000));
        }
        else
        {
            final int bands = 1 + rnd.nextInt(4);
            final long[] from = new long[bands];
            final int[] ratios = new int[bands];
            for (int i = 1; i < bands; i++)
            {
                from[i] = from[i - 1] + 1 + rnd.nextLong(1_000_000);
            }
            for (int i = 0; i < bands; i++)
            {
                ratios[i] = ratio(rnd);
            }
            p.serious(rnd.nextLong(500_000), cap(rnd, 3_000_000), from, ratios);
        }
        p.assist("A1", rnd.nextLong(200_000), ratio(rnd), cap(rnd, 500_000));
        p.assist("A2", 0, ratio(rnd), cap(rnd, 500_000));
        for (final String f : FLAGS)
        {
            if (rnd.nextBoolean())
            {
                p.nFund(f, "9" + f.charAt(1) + "0100", "基金" + f, ratio(rnd), cap(rnd, 300_000));
            }
        }
        for (int t = 1; t <= 4; t++)
        {
            p.crossAdjust(Integer.toString(t), rnd.nextInt(12_001) - 6000);
        }
    }

    private void persons(final SplittableRandom rnd)
    {
        final int n = 6 + rnd.nextInt(10);
        for (int i = 0; i < n; i++)
        {
            final String psn = "P" + i;
            persons.add(psn);
            final boolean employee = rnd.nextBoolean();
            final TestRegion.PersonBuilder b = region.person(psn);
            if (!employee)
            {
                b.resident();
            }
            b.psnType(employee ? EMPLOYEE_TYPES[rnd.nextInt(2)] : RESIDENT_TYPES[rnd.nextInt(2)]);
            b.insuredIn(rnd.nextInt(4) == 0 ? OTHER : LOCAL);
            b.balance(rnd.nextInt(3) == 0 ? 0 : rnd.nextLong(500_000));
            if (rnd.nextInt(4) == 0)
            {
                b.civilServant();
            }
            if (rnd.nextInt(3) == 0)
            {
                b.assist(CATEGORIES[rnd.nextInt(CATEGORIES.length)]);
            }
            final List<String> flags = new ArrayList<>();
            for (final String f : FLAGS)
            {
                if (rnd.nextInt(3) == 0)
                {
                    flags.add(f);
                }
            }
            b.flags(flags.toArray(new String[0]));
            if (rnd.nextBoolean())
            {
                b.chronic("D1", day("2025-01-01"), day("2026-12-31"), rnd.nextInt(3) == 0 ? TestRegion.H2 : null);
            }
            if (rnd.nextBoolean())
            {
                final String area = rnd.nextBoolean() ? LOCAL : "320000";
                b.filing(area, Integer.toString(1 + rnd.nextInt(4)), day("2025-01-01"), TestRegion.OPEN_END);
            }
            if (rnd.nextInt(12) == 0)
            {
                b.status("2");
            }
        }
        for (int i = 0; i < n / 2; i++)
        {
            final String holder = persons.get(rnd.nextInt(n));
            final String member = persons.get(rnd.nextInt(n));
            region.binding(holder, member, day("2024-01-01") + rnd.nextInt(800), rnd.nextInt(4) != 0);
        }
    }
}

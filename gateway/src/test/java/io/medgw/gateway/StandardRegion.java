package io.medgw.gateway;

import io.medgw.codec.Units;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.CapGroup;

import static io.medgw.gateway.TestRegion.FAR;
import static io.medgw.gateway.TestRegion.LOCAL;
import static io.medgw.gateway.TestRegion.OTHER;
import static io.medgw.gateway.TestRegion.day;
import static io.medgw.gateway.TestRegion.time;

/** The content of {@link TestRegion#standard()} (documented there). */
final class StandardRegion
{
    private StandardRegion()
    {
    }

    static TestRegion populate(final TestRegion r)
    {
        r.hospital(TestRegion.H3, LOCAL, 3, true)
            .hospital(TestRegion.H2, LOCAL, 2, true)
            .hospital(TestRegion.H1, LOCAL, 1, false)
            .pharmacy(TestRegion.PH, LOCAL, false)
            .pharmacy(TestRegion.PD, LOCAL, true)
            .hospital(TestRegion.HO, OTHER, 2, true)
            .hospital(TestRegion.HF, FAR, 3, true);
        for (final String admdvs : new String[] {LOCAL, OTHER, FAR})
        {
            catalogue(r, admdvs);
        }
        for (final String admdvs : new String[] {LOCAL, OTHER})
        {
            for (final int year : new int[] {2025, 2026})
            {
                employee(r.policy(admdvs, "310", year));
                resident(r.policy(admdvs, "390", year));
            }
        }
        persons(r);
        return r;
    }

    private static void catalogue(final TestRegion r, final String a)
    {
        r.item(a, "A001").jia().add()
            .item(a, "B001").yi(1000).add()
            .item(a, "C001").bing().add()
            .item(a, "D001").jia().priceCap(50_000_000L).add()
            .item(a, "E001").jia().minHospLv(3).add()
            .item(a, "F001").yi(2000).opspOnly().add()
            .item(a, "G001").jia().dualChannel().add()
            .item(a, "X001").jia().valid(TestRegion.LONG_AGO, day("2025-12-31")).add()
            .item(a, "Y001").yi(1000).valid(TestRegion.LONG_AGO, day("2025-12-31")).add()
            .item(a, "Y001").yi(2000).valid(day("2026-01-01"), TestRegion.OPEN_END).add();
    }

    private static void employee(final TestRegion.PolicyBuilder p)
    {
        for (final String pt : new String[] {"1101", "1201"})
        {
            final int plus = "1201".equals(pt) ? 1000 : 0;
            p.cell(BenefitClass.OUTPATIENT, 0, pt, 50_000, 5000 + plus)
                .cell(BenefitClass.OUTPATIENT, 1, pt, 50_000, 8000 + plus)
                .cell(BenefitClass.OUTPATIENT, 2, pt, 50_000, 7000 + plus)
                .cell(BenefitClass.OUTPATIENT, 3, pt, 50_000, 6000 + plus)
                .cells(BenefitClass.CHRONIC, pt, 30_000, 8500 + plus)
                .cell(BenefitClass.INPATIENT, 0, pt, 90_000, 8000 + plus)
                .cell(BenefitClass.INPATIENT, 1, pt, 30_000, 9000 + plus)
                .cell(BenefitClass.INPATIENT, 2, pt, 60_000, 8500 + plus)
                .cell(BenefitClass.INPATIENT, 3, pt, 90_000, 8000 + plus)
                .cells(BenefitClass.PHARMACY, pt, 0, 0)
                .cells(BenefitClass.MATERNITY, pt, 0, 10_000);
        }
        p.poolCap(CapGroup.MAIN, 40_000_000L).poolCap(CapGroup.OUTPATIENT, 400_000L)
            .large(9000, 50_000_000L)
            .civil(5000, 5_000_000L);
        common(p);
        p.crossAdjust("3", -1000).crossAdjust("4", -2000);
    }

    private static void resident(final TestRegion.PolicyBuilder p)
    {
        for (final String pt : new String[] {"1501", "1403"})
        {
            p.cells(BenefitClass.OUTPATIENT, pt, 20_000, 5000)
                .cells(BenefitClass.CHRONIC, pt, 0, 6000)
                .cell(BenefitClass.INPATIENT, 0, pt, 80_000, 6500)
                .cell(BenefitClass.INPATIENT, 1, pt, 20_000, 8500)
                .cell(BenefitClass.INPATIENT, 2, pt, 50_000, 7500)
                .cell(BenefitClass.INPATIENT, 3, pt, 80_000, 6500)
                .cells(BenefitClass.PHARMACY, pt, 0, 0)
                .cells(BenefitClass.MATERNITY, pt, 0, 10_000);
        }
        p.poolCap(CapGroup.MAIN, 30_000_000L).poolCap(CapGroup.OUTPATIENT, 50_000L)
            .serious(1_500_000L, 40_000_000L, new long[] {0, 10_000_000L, 20_000_000L}, new int[] {6000, 7000, 8000});
        common(p);
        p.crossAdjust("4", -1000);
    }

    private static void common(final TestRegion.PolicyBuilder p)
    {
        p.assist("A1", 100_000L, 7000, 3_000_000L)
            .assist("A2", 0, 10_000, Units.NO_CAP)
            .nFund("VET", "350100", "一至六级残疾军人医疗补助基金", 5000, 1_000_000L)
            .nFund("POOR", "610104", "精准脱贫基金", 3000, Units.NO_CAP);
    }

    private static void persons(final TestRegion r)
    {
        final int y2026 = day("2026-01-01");
        final int e2026 = day("2026-12-31");
        r.person("E1").balance(100_000).done()
            .person("E2").psnType("1201").civilServant().balance(30_000).done()
            .person("E3").flags("VET").assist("A1").done()
            .person("R1").resident().done()
            .person("R2").resident().assist("A1").flags("POOR").done()
            .person("M1").resident().done()
            .binding("E1", "M1", day("2025-01-01"), true)
            .person("C1").balance(50_000).chronic("M03900", y2026, e2026, null)
            .chronic("M01600", y2026, e2026, TestRegion.H1).done()
            .person("Q1").insuredIn(OTHER).balance(20_000).filing(LOCAL, "1", y2026, TestRegion.OPEN_END).done()
            .person("Q2").resident().insuredIn(OTHER).filing("320000", "4", y2026, e2026).done()
            .person("Q3").insuredIn(OTHER).done()
            .person("S1").status("2").done()
            .person("B1").benefit(TestRegion.LONG_AGO, day("2025-12-31")).done()
            .person("X1").voucherValidUntil(time("2026-01-01 00:00:00")).done()
            .person("N1").insutype("340").done()
            .person("T1").psnType("9999").done();
    }
}

package io.medgw.gateway.it;

import io.medgw.codec.Decimals;
import io.medgw.gateway.TestRegion;

import java.util.SplittableRandom;

/**
 * The bills the end-to-end tests send, over the standard test region ({@link TestRegion}).
 * Quantities ×10,000, prices micro-yuan.
 */
final class Bills
{
    static final String[] PERSONS = {"E1", "E2", "E3", "R1", "R2", "M1", "C1", "Q1", "Q2", "Q3", "S1", "B1", "X1", "N1", "T1"};
    static final String[] INSTITUTIONS = {TestRegion.H3, TestRegion.H2, TestRegion.H1, TestRegion.PH, TestRegion.PD,
        TestRegion.HO, TestRegion.HF};
    static final String[] MED_TYPES = {"11", "11", "12", "14", "21", "21", "22", "41", "51", "52", "99"};
    static final String[] CODES = {"A001", "B001", "C001", "D001", "E001", "F001", "G001", "X001", "Y001"};
    /** Persons who settle anywhere in LOCAL without refusal (active, policy, no 异地). */
    static final String[] GOOD_PERSONS = {"E1", "E2", "E3", "R1", "R2", "M1", "C1"};
    static final String[] LOCAL_HOSPITALS = {TestRegion.H3, TestRegion.H2, TestRegion.H1};

    private Bills()
    {
    }

    /**
     * The ten-line outpatient bill of E2 (310, psn_type 1201, civil servant, balance 300.00) at H2
     * (level 2), a fresh year: worked out by hand in {@code SettlementOverWireIT}.
     */
    static Bill tenLines(final ItClock clock)
    {
        return Bill.settle(clock, TestRegion.H2, "E2")
            .line("A001", 200_000, 30_000_000)      // 甲 20 × 30.00 = 600.00 in-policy
            .line("B001", 10_000, 100_000_000)      // 乙 10%: 100.00, 10.00 先行自付
            .line("C001", 10_000, 50_000_000)       // 丙: 50.00 全自费
            .line("D001", 20_000, 60_000_000)       // 甲, cap 50.00: 120.00, 20.00 over the cap
            .line("E001", 10_000, 80_000_000)       // min level 3 at a level-2 hospital: 80.00 全自费
            .line("F001", 10_000, 40_000_000)       // 门诊慢特病 only, outpatient: 40.00 全自费
            .line("G001", 30_000, 10_000_000)       // dual channel, at a hospital: 30.00 in-policy
            .line("X001", 10_000, 25_000_000)       // expired 2025-12-31: 25.00 全自费
            .line("Y001", 15_000, 20_000_000)       // 乙 20% from 2026: 30.00, 6.00 先行自付
            .line("A001", 5_000, 12_345_678);       // 0.5 × 12.345678 = 6.172839 → 6.17
    }

    /** @return a small in-policy outpatient bill of {@code psn} at {@code fixmedins} (one or two lines). */
    static Bill small(final ItClock clock, final String fixmedins, final String psn, final SplittableRandom rnd)
    {
        final Bill b = Bill.settle(clock, fixmedins, psn).medType(rnd.nextInt(4) == 0 ? "21" : "11")
            .line("A001", 10_000L * (1 + rnd.nextInt(5)), 1_000_000L * (1 + rnd.nextInt(300)));
        if (rnd.nextBoolean())
        {
            b.line("B001", 5_000L * (1 + rnd.nextInt(4)), 10_000L * (1 + rnd.nextInt(20_000)));
        }
        return b.acct(rnd.nextBoolean());
    }

    /**
     * A random bill: three in five of an active local person at a local hospital, the others any
     * person at any institution; any med_type, credential and lines (sometimes an unknown code, a
     * wrong line amount or a wrong total), so that successes and refusals of every stage mix.
     */
    static Bill random(final ItClock clock, final SplittableRandom rnd)
    {
        final boolean likely = rnd.nextInt(5) < 3; // most bills are ones that settle, the rest anything at all
        final String psn = likely ? GOOD_PERSONS[rnd.nextInt(GOOD_PERSONS.length)] : PERSONS[rnd.nextInt(PERSONS.length)];
        final String fixmedins = likely ? LOCAL_HOSPITALS[rnd.nextInt(LOCAL_HOSPITALS.length)] :
            INSTITUTIONS[rnd.nextInt(INSTITUTIONS.length)];
        final Bill b = Bill.of(clock, "2207", fixmedins).data("psn_no", psn)
            .medType(MED_TYPES[rnd.nextInt(MED_TYPES.length)]).acct(rnd.nextInt(4) != 0);
        switch (rnd.nextInt(6))
        {
            case 0 -> b.data("mdtrt_cert_type", "02").data("mdtrt_cert_no", "ID" + psn);
            case 1 -> b.data("mdtrt_cert_type", "01").data("mdtrt_cert_no", "TOKEN" + psn);
            default -> b.data("mdtrt_cert_type", "03").data("mdtrt_cert_no", "CARD" + psn);
        }
        if (rnd.nextInt(3) == 0)
        {
            b.data("dise_codg", rnd.nextBoolean() ? "M03900" : "M01600");
        }
        final int lines = 1 + rnd.nextInt(6);
        for (int i = 0; i < lines; i++)
        {
            final String code = rnd.nextInt(40) == 0 ? "ZZ999" : CODES[rnd.nextInt(CODES.length)];
            final long q = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(99_999) : 10_000L * (1 + rnd.nextInt(30));
            final long p = rnd.nextInt(3) == 0 ? 1 + rnd.nextLong(500_000_000L) : 1_000_000L * (1 + rnd.nextInt(3_000));
            if (rnd.nextInt(60) == 0)
            {
                b.lineRaw(code, Decimals.format(q, 4), Decimals.format(p, 6), "0.01");
            }
            else
            {
                b.line(code, q, p);
            }
        }
        if (rnd.nextInt(5) == 0)
        {
            b.medfee(rnd.nextInt(10) == 0 ? b.linesTotal() + 1 : b.linesTotal());
        }
        return b;
    }
}

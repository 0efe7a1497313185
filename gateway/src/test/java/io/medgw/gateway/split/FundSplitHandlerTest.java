package io.medgw.gateway.split;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.Units;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.TestEngine;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.TestRequest;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.CapGroup;
import io.medgw.gateway.state.YearAccumulators;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules §4–§6 worked by hand on the standard region ({@link TestRegion}). Every bill is one
 * A001 (甲类) line unless said otherwise, so inscp = the bill. Amounts in fen.
 */
final class FundSplitHandlerTest
{
    private static final long ONE = 10_000;

    private final TestEngine engine = new TestEngine(TestRegion.standard().build());

    private static TestRequest bill(final String psn, final long fen)
    {
        return TestRequest.of("2207").person(psn).line("A001", ONE, fen * Units.MICRO_PER_FEN);
    }

    private SettlementResult settle(final TestRequest t)
    {
        final SettlementResult r = engine.run(t);
        assertThat(r.error).as(r.errorMessage).isEqualTo(ErrorCode.NONE);
        assertIdentities(r);
        return r;
    }

    /** §6, exactly. */
    static void assertIdentities(final SettlementResult r)
    {
        assertThat(r.medfeeSumamt).isEqualTo(r.fulamtOwnpayAmt + r.overlmtSelfpay + r.preselfpayAmt + r.inscpScpAmt);
        assertThat(r.medfeeSumamt).isEqualTo(r.fundPaySumamt + r.psnPartAmt);
        assertThat(r.psnPartAmt).isEqualTo(r.acctPay + r.acctMulaidPay + r.psnCashPay);
        assertThat(r.fundPaySumamt).isEqualTo(r.hifpPay + r.hifobPay + r.hifmiPay + r.cvlservPay + r.mafPay + r.othPay);
        long funds = 0;
        for (int i = 0; i < r.fundRowCount; i++)
        {
            assertThat(r.fundPayamt[i]).isNotZero();
            if (!FundSplit.ACCOUNT.equals(r.fundPayType[i]))
            {
                funds += r.fundPayamt[i];
            }
            else
            {
                assertThat(r.fundPayamt[i]).isEqualTo(r.acctPay + r.acctMulaidPay);
            }
        }
        assertThat(funds).isEqualTo(r.fundPaySumamt);
    }

    private static String rows(final SettlementResult r)
    {
        final StringBuilder b = new StringBuilder();
        for (int i = 0; i < r.fundRowCount; i++)
        {
            b.append(r.fundPayType[i]).append('=').append(r.fundPayamt[i]).append(' ');
        }
        return b.toString().trim();
    }

    private YearAccumulators acc(final String psn, final int year)
    {
        return engine.state().accumulators(psn, year);
    }

    @Test
    void shouldTakeTheAnnualDeductibleThenPoolThenAccount()
    {
        // E1 outpatient at H3 (lv 3): ded 500.00, ratio 60%, outpatient cap 4,000.00; balance 1,000.00.
        // bill 800.00: act_pay_dedc = min(80000, 50000 − 0) = 50000; base = 30000;
        // base_within = min(30000, floor(400000 × 10000 / 6000) = 666666) = 30000; hifp = pct(30000, 6000) = 18000.
        // psn_part = 80000 − 18000 = 62000; acct = min(62000, 100000) = 62000; cash 0; balc 38000.
        final SettlementResult r = settle(bill("E1", 80_000));
        assertThat(r.actPayDedc).isEqualTo(50_000);
        assertThat(r.hifpPay).isEqualTo(18_000);
        assertThat(r.poolRatioBp).isEqualTo(6000);
        assertThat(r.fundPaySumamt).isEqualTo(18_000);
        assertThat(r.psnPartAmt).isEqualTo(62_000);
        assertThat(r.acctPay).isEqualTo(62_000);
        assertThat(r.psnCashPay).isZero();
        assertThat(r.balc).isEqualTo(38_000);
        assertThat(rows(r)).isEqualTo("310100=18000 310200=62000");
        assertThat(r.dedClass).isEqualTo(BenefitClass.OUTPATIENT.ordinal());
        assertThat(r.dedUsed).isEqualTo(50_000);
        assertThat(acc("E1", 2026).dedUsed(BenefitClass.OUTPATIENT)).isEqualTo(50_000);
        assertThat(acc("E1", 2026).poolPaid(CapGroup.OUTPATIENT)).isEqualTo(18_000);
        // second outpatient bill 300.00: deductible used up → act 0; hifp = pct(30000, 6000) = 18000;
        // psn_part 12000 → acct 12000 (balance 38000) → balc 26000.
        final SettlementResult r2 = settle(bill("E1", 30_000));
        assertThat(r2.actPayDedc).isZero();
        assertThat(r2.hifpPay).isEqualTo(18_000);
        assertThat(r2.acctPay).isEqualTo(12_000);
        assertThat(r2.balc).isEqualTo(26_000);
        assertThat(engine.state().balanceOf("E1")).isEqualTo(26_000);
    }

    @Test
    void shouldShareTheAnnualDeductibleAcrossLevelsButNotClasses()
    {
        // 200.00 at H3 then 400.00 at H2: used 20000, then remaining 50000 − 20000 = 30000.
        settle(bill("E1", 20_000));
        final SettlementResult r = settle(bill("E1", 40_000).at(TestRegion.H2));
        assertThat(r.actPayDedc).isEqualTo(30_000);
        // H2 outpatient ratio 70%: hifp = pct(10000, 7000) = 7000
        assertThat(r.hifpPay).isEqualTo(7_000);
        // chronic has its own annual deductible (300.00), untouched by outpatient
        final SettlementResult c = settle(TestRequest.of("2207").person("C1").medType("14").dise("M03900")
            .line("A001", ONE, 100_000 * Units.MICRO_PER_FEN));
        assertThat(c.actPayDedc).isEqualTo(30_000);
    }

    @Test
    void shouldTakeTheInpatientDeductibleOnEverySettlement()
    {
        // E1 inpatient at H3: ded 900.00 per settlement, ratio 80%, main cap 400,000.00.
        // bill 2,000.00: act 90000; base 110000; hifp = pct(110000, 8000) = 88000; psn_part 112000;
        // acct = min(112000, 100000) = 100000; cash 12000; balc 0.
        final SettlementResult r = settle(bill("E1", 200_000).medType("21"));
        assertThat(r.actPayDedc).isEqualTo(90_000);
        assertThat(r.hifpPay).isEqualTo(88_000);
        assertThat(r.acctPay).isEqualTo(100_000);
        assertThat(r.psnCashPay).isEqualTo(12_000);
        assertThat(r.balc).isZero();
        assertThat(r.dedClass).isEqualTo(-1);
        assertThat(r.dedUsed).isZero();
        assertThat(rows(r)).isEqualTo("310100=88000 310200=100000");
        // again: the deductible applies again in full; the account is empty.
        final SettlementResult r2 = settle(bill("E1", 200_000).medType("21"));
        assertThat(r2.actPayDedc).isEqualTo(90_000);
        assertThat(r2.acctPay).isZero();
        assertThat(acc("E1", 2026).dedUsed(BenefitClass.INPATIENT)).isZero();
        assertThat(acc("E1", 2026).poolPaid(CapGroup.MAIN)).isEqualTo(176_000);
    }

    @Test
    void shouldBindThePoolCapWithTheFloorAndPayLargeAmountOnTheRest()
    {
        // custom: inpatient ded 0 ratio 70%, main cap 100.00, large 90% cap 200.00.
        final TestRegion region = TestRegion.standard();
        region.policy(TestRegion.LOCAL, "310", 2026).cells(BenefitClass.INPATIENT, "1101", 0, 7000)
            .poolCap(CapGroup.MAIN, 10_000).large(9000, 20_000);
        final TestEngine e = new TestEngine(region.build());
        // bill 500.00: base 50000; base_within = min(50000, floor(10000 × 10000 / 7000) = 14285) = 14285;
        // hifp = pct(14285, 7000) = (99,995,000 + 5,000) div 10,000 = 10000 (= the cap); base_over = 35715;
        // hifob = min(pct(35715, 9000) = 32144, 20000) = 20000.
        final SettlementResult r = e.run(bill("E1", 50_000).medType("21"));
        assertIdentities(r);
        assertThat(r.hifpPay).isEqualTo(10_000);
        assertThat(r.hifobPay).isEqualTo(20_000);
        assertThat(rows(r)).isEqualTo("310100=10000 330100=20000 310200=20000");
        // next bill 100.00: cap_rem 0 → base_within 0, hifp 0, base_over 10000; large cap_rem 0 → 0.
        final SettlementResult r2 = e.run(bill("E1", 10_000).medType("21"));
        assertIdentities(r2);
        assertThat(r2.hifpPay).isZero();
        assertThat(r2.hifobPay).isZero();
        assertThat(e.state().accumulators("E1", 2026).poolPaid(CapGroup.MAIN)).isEqualTo(10_000);
        assertThat(e.state().accumulators("E1", 2026).largePaid()).isEqualTo(20_000);
    }

    @Test
    void shouldLeaveAFenOfTheCapUnusedWhenTheFloorSaysSo()
    {
        // ratio 70.01%, cap 0.02: floor(2 × 10000 / 7001) = 2; pct(2, 7001) = (14002 + 5000) div 10000 = 1.
        final TestRegion region = TestRegion.standard();
        region.policy(TestRegion.LOCAL, "310", 2026).cells(BenefitClass.INPATIENT, "1101", 0, 7001).poolCap(CapGroup.MAIN, 2);
        final SettlementResult r = new TestEngine(region.build()).run(bill("E1", 1_000).medType("21"));
        assertIdentities(r);
        assertThat(r.hifpPay).isEqualTo(1);
        // base_over = 1000 − 2 = 998 → large = pct(998, 9000) = 898
        assertThat(r.hifobPay).isEqualTo(898);
    }

    @Test
    void shouldShareThePoolCapBetweenInpatientAndChronic()
    {
        final TestRegion region = TestRegion.standard();
        region.policy(TestRegion.LOCAL, "310", 2026).poolCap(CapGroup.MAIN, 50_000);
        final TestEngine e = new TestEngine(region.build());
        // chronic 1,000.00 at H3: ded 300.00 → base 70000, ratio 85% → within min(70000, floor(50000e4/8500) = 58823)
        // hifp = pct(58823, 8500) = (499,995,500 + 5,000) div 10,000 = 50000.
        final SettlementResult c = e.run(TestRequest.of("2207").person("C1").medType("14").dise("M03900")
            .line("A001", ONE, 100_000 * Units.MICRO_PER_FEN));
        assertIdentities(c);
        assertThat(c.hifpPay).isEqualTo(50_000);
        // inpatient afterwards: group main exhausted → hifp 0; large takes pct(base, 90%).
        final SettlementResult i = e.run(bill("C1", 100_000).medType("21"));
        assertIdentities(i);
        assertThat(i.hifpPay).isZero();
        assertThat(i.hifobPay).isEqualTo(Units.pct(100_000 - 90_000, 9000));
    }

    @Test
    void shouldAdjustThePoolRatioForCrossRegionAndClamp()
    {
        // Q2 (390, 参保地 320500, 备案 320000 type 4 → −10 points) outpatient at H3 (LOCAL):
        // ratio 50% − 10% = 40%; bill 500.00: ded 200.00 → base 30000;
        // within = min(30000, floor(50000 × 10000 / 4000) = 125000) = 30000; hifp = pct(30000, 4000) = 12000.
        final SettlementResult r = settle(bill("Q2", 50_000));
        assertThat(r.crossRegion).isTrue();
        assertThat(r.poolRatioBp).isEqualTo(4000);
        assertThat(r.hifpPay).isEqualTo(12_000);
        assertThat(r.psnCashPay).isEqualTo(38_000);
        assertThat(rows(r)).isEqualTo("390100=12000");
        // clamping: −60 points on 50% → 0 (nothing overflows), +60 points → 100%.
        final TestRegion region = TestRegion.standard();
        region.policy(TestRegion.OTHER, "390", 2026).crossAdjust("4", -6000);
        final SettlementResult low = new TestEngine(region.build()).run(bill("Q2", 50_000));
        assertIdentities(low);
        assertThat(low.poolRatioBp).isZero();
        assertThat(low.hifpPay).isZero();
        region.policy(TestRegion.OTHER, "390", 2026).crossAdjust("4", 6000);
        final SettlementResult high = new TestEngine(region.build()).run(bill("Q2", 50_000));
        assertThat(high.poolRatioBp).isEqualTo(10_000);
        assertThat(high.hifpPay).isEqualTo(30_000);
    }

    @Test
    void shouldUseTheInsuredPlacesPolicyAndNoAdjustmentForAType1Filing()
    {
        // Q1 (310, 320500, 备案 LOCAL type 1, no adjustment) at H3: the 320500 policy, ratio 60%.
        final SettlementResult r = settle(bill("Q1", 80_000));
        assertThat(r.poolRatioBp).isEqualTo(6000);
        assertThat(r.hifpPay).isEqualTo(18_000);
        // account used (own account is fine for 异地); 共济 would not be.
        assertThat(r.acctPay).isEqualTo(20_000);
    }

    @Test
    void shouldPaySeriousIllnessOverTheBandsAndKeepTheRunningTotal()
    {
        // R1 390 inpatient at H3: ded 800.00, ratio 65%, main cap 300,000.00; T 15,000.00;
        // bands 60% [0, 100,000.00), 70% [100,000.00, 200,000.00), 80% above.
        // #1 bill 50,000.00: act 80000, base 4,920,000, hifp = pct(4,920,000, 6500) = 3,198,000;
        //    s = 5,000,000 − 3,198,000 = 1,802,000; [S−T, S+s−T) = [−1,500,000, 302,000) → band 0 part 302,000;
        //    hifmi = pct(302,000, 6000) = 181,200; S = 1,802,000.
        final SettlementResult r1 = settle(bill("R1", 5_000_000).medType("21"));
        assertThat(r1.hifpPay).isEqualTo(3_198_000);
        assertThat(r1.hifmiPay).isEqualTo(181_200);
        assertThat(r1.seriousBase).isEqualTo(1_802_000);
        // #2 bill 300,000.00: cap_rem = 30,000,000 − 3,198,000 = 26,802,000 → floor(26,802,000e4 / 6500) = 41,233,846 > base
        //    base 29,920,000 → hifp = pct(29,920,000, 6500) = 19,448,000; s = 10,552,000;
        //    [302,000, 10,854,000): band 0 [302,000, 10,000,000) = 9,698,000 × 60% = 5,818,800;
        //    band 1 [10,000,000, 10,854,000) = 854,000 × 70% = 597,800; hifmi = 6,416,600.
        final SettlementResult r2 = settle(bill("R1", 30_000_000).medType("21"));
        assertThat(r2.hifpPay).isEqualTo(19_448_000);
        assertThat(r2.hifmiPay).isEqualTo(6_416_600);
        assertThat(acc("R1", 2026).seriousTotal()).isEqualTo(1_802_000 + 10_552_000);
        assertThat(acc("R1", 2026).seriousPaid()).isEqualTo(181_200 + 6_416_600);
        assertThat(rows(r2)).isEqualTo("390100=19448000 390200=6416600");
    }

    @Test
    void shouldKeepAddingToTheSeriousTotalAfterItsCapIsExhausted()
    {
        final TestRegion region = TestRegion.standard();
        region.policy(TestRegion.LOCAL, "390", 2026).serious(1_500_000L, 200_000L, new long[] {0, 10_000_000L},
            new int[] {6000, 7000});
        final TestEngine e = new TestEngine(region.build());
        // #1 as above: 181,200 (cap 200,000 leaves 18,800); #2: min(6,416,600, 18,800) = 18,800; #3: 0.
        assertThat(e.run(bill("R1", 5_000_000).medType("21")).hifmiPay).isEqualTo(181_200);
        assertThat(e.run(bill("R1", 30_000_000).medType("21")).hifmiPay).isEqualTo(18_800);
        final SettlementResult r3 = e.run(bill("R1", 100_000).medType("21"));
        assertIdentities(r3);
        assertThat(r3.hifmiPay).isZero();
        // #3: cap_rem = 30,000,000 − 22,646,000 = 7,354,000; base 20,000 → hifp pct(20000, 6500) = 13,000; s = 87,000
        assertThat(r3.seriousBase).isEqualTo(87_000);
        assertThat(e.state().accumulators("R1", 2026).seriousTotal()).isEqualTo(1_802_000 + 10_552_000 + 87_000);
        assertThat(e.state().accumulators("R1", 2026).seriousPaid()).isEqualTo(200_000);
    }

    @Test
    void shouldNotPaySeriousIllnessOutsideItsClasses()
    {
        final SettlementResult r = settle(bill("R1", 5_000_000));
        assertThat(r.hifmiPay).isZero();
        assertThat(r.seriousBase).isZero();
    }

    @Test
    void shouldPayTheCivilServantSubsidyOnWhatThePoolLeft()
    {
        // E2 (1201, civil servant) outpatient at H2: ratio 70% + 10 = 80%; bill 1,000.00: ded 500.00 → base 50000;
        // hifp = pct(50000, 8000) = 40000; civil = pct(100000 − 40000, 5000) = 30000; fund 70000;
        // psn_part 30000 → acct = min(30000, 30000) = 30000; balc 0.
        final SettlementResult r = settle(bill("E2", 100_000).at(TestRegion.H2));
        assertThat(r.hifpPay).isEqualTo(40_000);
        assertThat(r.cvlservPay).isEqualTo(30_000);
        assertThat(r.acctPay).isEqualTo(30_000);
        assertThat(r.balc).isZero();
        assertThat(rows(r)).isEqualTo("310100=40000 320100=30000 310200=30000");
        assertThat(acc("E2", 2026).civilPaid()).isEqualTo(30_000);
    }

    @Test
    void shouldPayAssistanceAfterItsDeductibleAndThenNFunds()
    {
        // R2 (390, A1, POOR) inpatient at H3: ded 800.00, 65%. bill 10,000.00:
        // hifp = pct(920,000, 6500) = 598,000; s = 402,000 < T → hifmi 0;
        // m = 1,000,000 − 598,000 = 402,000; ded_part = min(402,000, 100,000) = 100,000; maf = pct(302,000, 7000) = 211,400;
        // POOR 30% on 1,000,000 − 598,000 − 211,400 = 190,600 → 57,180; fund 866,580; cash 133,420.
        final SettlementResult r = settle(bill("R2", 1_000_000).medType("21"));
        assertThat(r.hifpPay).isEqualTo(598_000);
        assertThat(r.hifmiPay).isZero();
        assertThat(r.mafPay).isEqualTo(211_400);
        assertThat(r.othPay).isEqualTo(57_180);
        assertThat(r.fundPaySumamt).isEqualTo(866_580);
        assertThat(r.psnCashPay).isEqualTo(133_420);
        assertThat(rows(r)).isEqualTo("390100=598000 610100=211400 610104=57180");
        assertThat(r.assistDedUsed).isEqualTo(100_000);
        // second bill: assistance deductible used up → ded_part 0
        final SettlementResult r2 = settle(bill("R2", 100_000).medType("21"));
        // hifp = pct(20000, 6500) = 13000; m = 87000; maf = pct(87000, 7000) = 60900; POOR pct(100000 − 73900, 3000) = 7830
        assertThat(r2.hifpPay).isEqualTo(13_000);
        assertThat(r2.mafPay).isEqualTo(60_900);
        assertThat(r2.othPay).isEqualTo(7_830);
        assertThat(acc("R2", 2026).assistDedUsed()).isEqualTo(100_000);
        assertThat(acc("R2", 2026).assistPaid()).isEqualTo(211_400 + 60_900);
        assertThat(acc("R2", 2026).nFundPaid("610104")).isEqualTo(57_180 + 7_830);
    }

    @Test
    void shouldCapAnNFundAtItsAnnualCap()
    {
        // E3 (310, VET, A1) outpatient at H3, bill 2,000.00: ded 500.00, base 150000, hifp = pct(150000, 6000) = 90000;
        // assist: m = 110000, ded_part 100000, maf = pct(10000, 7000) = 7000; VET 50% on 200000 − 97000 = 103000 → 51500.
        final SettlementResult r = settle(bill("E3", 200_000));
        assertThat(r.hifpPay).isEqualTo(90_000);
        assertThat(r.mafPay).isEqualTo(7_000);
        assertThat(r.othPay).isEqualTo(51_500);
        assertThat(r.nFundCount).isEqualTo(1);
        assertThat(r.nFundCode[0]).isEqualTo("350100");
        // VET cap 10,000.00: inpatient bill 400,000.00 at H3: act 90,000, base 39,910,000,
        // hifp = pct(39,910,000, 8000) = 31,928,000 (within the main cap); base_over 0 → large 0;
        // m = 8,072,000, ded_part 0, maf = min(pct(8,072,000, 7000) = 5,650,400, 3,000,000 − 7,000) = 2,993,000;
        // VET = min(pct(40,000,000 − 31,928,000 − 2,993,000 = 5,079,000, 5000) = 2,539,500, 1,000,000 − 51,500) = 948,500.
        final SettlementResult big = settle(bill("E3", 40_000_000).medType("21"));
        assertThat(big.hifpPay).isEqualTo(31_928_000);
        assertThat(big.mafPay).isEqualTo(2_993_000);
        assertThat(big.othPay).isEqualTo(1_000_000 - 51_500);
        assertThat(acc("E3", 2026).nFundPaid("350100")).isEqualTo(1_000_000);
    }

    @Test
    void shouldPayFromTheHoldersAccountForAFamilyMember()
    {
        // M1 (390, bound to E1) outpatient 100.00: ded 200.00 → act 10000, hifp 0; psn_part 10000;
        // 390 → acct 0; 共济 = min(10000, E1's 100000) = 10000; cash 0; M1's own balc 0; E1 → 90000.
        final SettlementResult r = settle(bill("M1", 10_000));
        assertThat(r.acctPay).isZero();
        assertThat(r.acctMulaidPay).isEqualTo(10_000);
        assertThat(r.mulaidHolderPsnNo).isEqualTo("E1");
        assertThat(r.psnCashPay).isZero();
        assertThat(rows(r)).isEqualTo("310200=10000");
        assertThat(engine.state().balanceOf("E1")).isEqualTo(90_000);
        // without acct_used_flag: no account, no 共济
        final SettlementResult cash = settle(bill("M1", 10_000).acct(false));
        assertThat(cash.acctMulaidPay).isZero();
        assertThat(cash.psnCashPay).isEqualTo(10_000);
    }

    @Test
    void shouldUseTheEarliestQualifyingBindingOnly()
    {
        final TestRegion region = TestRegion.standard()
            .binding("S1", "R1", TestRegion.day("2024-01-01"), true)    // holder suspended: skipped
            .binding("E2", "R1", TestRegion.day("2024-06-01"), false)   // inactive: skipped
            .binding("R2", "R1", TestRegion.day("2024-07-01"), true)    // holder not 310: skipped
            .binding("C1", "R1", TestRegion.day("2025-01-01"), true)    // used
            .binding("E1", "R1", TestRegion.day("2025-02-01"), true);
        final TestEngine e = new TestEngine(region.build());
        final SettlementResult r = e.run(bill("R1", 10_000));
        assertIdentities(r);
        assertThat(r.mulaidHolderPsnNo).isEqualTo("C1");
        assertThat(e.state().balanceOf("C1")).isEqualTo(40_000);
        assertThat(e.state().balanceOf("E1")).isEqualTo(100_000);
    }

    @Test
    void shouldNotUseFamilyMutualAidWhenCrossRegion()
    {
        final TestRegion region = TestRegion.standard().binding("E1", "Q2", TestRegion.day("2025-01-01"), true);
        final TestEngine e = new TestEngine(region.build());
        final SettlementResult r = e.run(bill("Q2", 10_000));
        assertIdentities(r);
        assertThat(r.acctMulaidPay).isZero();
        // and locally (at its own region HO) it is used
        final SettlementResult local = e.run(bill("Q2", 10_000).at(TestRegion.HO));
        assertThat(local.acctMulaidPay).isEqualTo(10_000);
    }

    @Test
    void shouldPayMaternityFromTheMaternityFund()
    {
        // E1 med_type 52 at H3: maternity ded 0 (per settlement), ratio 100% → hifp = inscp, row 510100.
        final SettlementResult r = settle(bill("E1", 300_000).medType("52").acct(false));
        assertThat(r.hifpPay).isEqualTo(300_000);
        assertThat(r.poolGroup).isEqualTo(CapGroup.MATERNITY.ordinal());
        assertThat(r.dedClass).isEqualTo(-1);
        assertThat(rows(r)).isEqualTo("510100=300000");
        assertThat(r.clrType).isEqualTo("21");
        // 51 is annual
        assertThat(settle(bill("E1", 1_000).medType("51")).dedClass).isEqualTo(BenefitClass.MATERNITY.ordinal());
    }

    @Test
    void shouldPayNoPoolWhenTheRatioIsZero()
    {
        // E1 at PH, med 41: pharmacy class ratio 0 → hifp 0, base_over 0; all from the account.
        final SettlementResult r = settle(bill("E1", 5_000).medType("41").at(TestRegion.PH));
        assertThat(r.hifpPay).isZero();
        assertThat(r.hifobPay).isZero();
        assertThat(r.acctPay).isEqualTo(5_000);
        assertThat(r.clrType).isEqualTo("41");
        assertThat(rows(r)).isEqualTo("310200=5000");
    }

    @Test
    void shouldCountOnlyInPolicyAmountsTowardTheDeductible()
    {
        // C001 丙 300.00 + B001 乙 10% 100.00 (pre 10.00, inscp 90.00): act = min(9000, 50000) = 9000; hifp 0.
        final SettlementResult r = settle(TestRequest.of("2207").person("E1").line("C001", ONE, 300_000_000L)
            .line("B001", ONE, 100_000_000L));
        assertThat(r.fulamtOwnpayAmt).isEqualTo(30_000);
        assertThat(r.preselfpayAmt).isEqualTo(1_000);
        assertThat(r.inscpScpAmt).isEqualTo(9_000);
        assertThat(r.actPayDedc).isEqualTo(9_000);
        assertThat(acc("E1", 2026).dedUsed(BenefitClass.OUTPATIENT)).isEqualTo(9_000);
    }

    @Test
    void shouldNotUseTheAccountOfAResidentOrWhenTheFlagIsOff()
    {
        final TestRegion region = TestRegion.standard();
        region.person("R1").balance(50_000);
        final SettlementResult r = new TestEngine(region.build()).run(bill("R1", 10_000));
        assertThat(r.acctPay).isZero();
        assertThat(r.balc).isEqualTo(50_000);
        assertThat(settle(bill("E1", 10_000).acct(false)).acctPay).isZero();
    }

    @Test
    void shouldExplainEveryRuleWhenAsked()
    {
        final SettlementResult r = engine.explain(bill("R2", 1_000_000).medType("21"));
        final String x = r.explain.toString();
        assertThat(x).contains("§1 policy 320100/390/2026").contains("§4.1 deductible (per settlement)")
            .contains("hifp_pay = pct(9200.00, 0.6500) = 5980.00").contains("§4.4 serious illness")
            .contains("§4.6 assistance category A1").contains("§4.7 N fund 610104").contains("§5 psn_part_amt")
            .contains("ids: setl_id S000000000001");
    }
}

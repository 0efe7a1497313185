package io.medgw.gateway.pricing;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.TestRequest;
import io.medgw.gateway.identity.IdentityCheckHandler;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules §3: worked examples of every pricing step, per line and in total. */
final class CataloguePricingHandlerTest
{
    private static final long ONE = 10_000;
    private final ReferenceData ref = TestRegion.standard().build();
    private final IdentityCheckHandler identity = new IdentityCheckHandler(null, 0);
    private final CataloguePricingHandler pricing = new CataloguePricingHandler();

    private SettlementEvent price(final ReferenceData data, final TestRequest t)
    {
        final SettlementEvent e = new SettlementEvent(t.build(), new SettlementResult());
        e.start(data, 0);
        identity.onEvent(e);
        pricing.onEvent(e);
        assertThat(e.result.error).isEqualTo(ErrorCode.NONE);
        return e;
    }

    private SettlementEvent price(final TestRequest t)
    {
        return price(ref, t);
    }

    private static TestRequest e1()
    {
        return TestRequest.of("2206").person("E1");
    }

    private static void assertParts(final FeeLine l, final long ownpay, final long over, final long pre, final long inscp)
    {
        assertThat(new long[] {l.fulamtOwnpayAmt, l.overlmtAmt, l.preselfpayAmt, l.inscpScpAmt})
            .containsExactly(ownpay, over, pre, inscp);
    }

    @Test
    void shouldPutAJiaLineWhollyInPolicy()
    {
        // A001 甲: 2 × 30.00 = 60.00 → inscp 60.00.
        final SettlementEvent e = price(e1().line("A001", 2 * ONE, 30_000_000));
        assertParts(e.request.line(0), 0, 0, 0, 6_000);
        assertThat(e.request.line(0).chrgitmLv).isEqualTo(1);
    }

    @Test
    void shouldApplyTheYiSelfpayRatioPerLineHalfUp()
    {
        // B001 乙 10%: 33.35 → pre = pct(3335, 1000) = (3,335,000 + 5,000) div 10,000 = 334; inscp 3335 − 334 = 3001.
        final SettlementEvent e = price(e1().line("B001", ONE, 33_350_000));
        assertParts(e.request.line(0), 0, 0, 334, 3_001);
        assertThat(e.request.line(0).selfpayPropBp).isEqualTo(1000);
    }

    @Test
    void shouldMakeABingLineFullOwnpay()
    {
        final SettlementEvent e = price(e1().line("C001", ONE, 12_340_000));
        assertParts(e.request.line(0), 1_234, 0, 0, 0);
        assertThat(e.request.line(0).ownpayReason).isEqualTo(CataloguePricingHandler.REASON_CLASS_C);
    }

    @Test
    void shouldSplitOffTheAmountAboveThePriceCap()
    {
        // D001 cap 50.00: 3 × 60.00 = 180.00; over = 18000 − line(3, 50.00) = 18000 − 15000 = 3000; eligible 15000.
        final SettlementEvent e = price(e1().line("D001", 3 * ONE, 60_000_000));
        assertParts(e.request.line(0), 0, 3_000, 0, 15_000);
        // at or below the cap nothing is over
        assertParts(price(e1().line("D001", 3 * ONE, 50_000_000)).request.line(0), 0, 0, 0, 15_000);
    }

    @Test
    void shouldApplyThePriceCapBeforeTheYiRatio()
    {
        // 乙 15% with cap 10.000001 yuan/unit: 2.5 units × 12.00 = 30.00;
        // over = 3000 − line(25000, 10,000,001) = 3000 − (250,000,025,000 + 5e7) div 1e8 = 3000 − 2500 = 500;
        // eligible 2500; pre = pct(2500, 1500) = (3,750,000 + 5,000) div 10,000 = 375; inscp 2125.
        final ReferenceData data = TestRegion.standard().item(TestRegion.LOCAL, "K001").yi(1500).priceCap(10_000_001).add().build();
        final SettlementEvent e = price(data, e1().line("K001", 25_000, 12_000_000));
        assertParts(e.request.line(0), 0, 500, 375, 2_125);
    }

    @Test
    void shouldMakeALineFullOwnpayWhenTheInstitutionLevelIsTooLow()
    {
        assertThat(price(e1().at(TestRegion.H2).line("E001", ONE, 10_000_000)).request.line(0).ownpayReason)
            .isEqualTo(CataloguePricingHandler.REASON_HOSP_LV);
        assertParts(price(e1().line("E001", ONE, 10_000_000)).request.line(0), 0, 0, 0, 1_000);
    }

    @Test
    void shouldMakeAnOpspOnlyLineFullOwnpayOutsideChronic()
    {
        final SettlementEvent out = price(TestRequest.of("2206").person("C1").line("F001", ONE, 10_000_000));
        assertParts(out.request.line(0), 1_000, 0, 0, 0);
        assertThat(out.request.line(0).ownpayReason).isEqualTo(CataloguePricingHandler.REASON_OPSP_ONLY);
        // chronic: 乙 20%: pre = pct(1000, 2000) = 200
        final SettlementEvent chronic = price(TestRequest.of("2206").person("C1").medType("14").dise("M03900")
            .line("F001", ONE, 10_000_000));
        assertParts(chronic.request.line(0), 0, 0, 200, 800);
    }

    @Test
    void shouldMakeADualChannelDrugFullOwnpayOnlyAtAPharmacyThatIsNotDualChannel()
    {
        assertThat(price(e1().at(TestRegion.PH).medType("41").line("G001", ONE, 10_000_000)).request.line(0).ownpayReason)
            .isEqualTo(CataloguePricingHandler.REASON_DUAL_CHANNEL);
        assertParts(price(e1().at(TestRegion.PD).medType("41").line("G001", ONE, 10_000_000)).request.line(0), 0, 0, 0, 1_000);
        assertParts(price(e1().line("G001", ONE, 10_000_000)).request.line(0), 0, 0, 0, 1_000);
    }

    @Test
    void shouldMakeALineFullOwnpayWhenItIsNotValidOnTheDate()
    {
        final SettlementEvent e = price(e1().line("X001", ONE, 10_000_000));
        assertParts(e.request.line(0), 1_000, 0, 0, 0);
        assertThat(e.request.line(0).ownpayReason).isEqualTo(CataloguePricingHandler.REASON_NOT_VALID);
        assertParts(price(e1().time("2025-06-01 10:00:00").line("X001", ONE, 10_000_000)).request.line(0), 0, 0, 0, 1_000);
    }

    @Test
    void shouldPriceWithTheVersionInForceOnTheSettlementDate()
    {
        // Y001: 10% in 2025, 20% from 2026: 100.00 → pre 10.00 / 20.00.
        assertParts(price(e1().time("2025-12-31 23:59:59").line("Y001", ONE, 100_000_000)).request.line(0), 0, 0, 1_000, 9_000);
        assertParts(price(e1().time("2026-01-01 00:00:00").line("Y001", ONE, 100_000_000)).request.line(0), 0, 0, 2_000, 8_000);
    }

    @Test
    void shouldSumTheFourPartsIntoTheTotals()
    {
        // A001 60.00 inscp; B001 33.35 → pre 3.34 inscp 30.01; C001 12.34 ownpay; D001 3 × 60.00 → over 30.00 inscp 150.00
        final SettlementEvent e = price(e1().line("A001", 2 * ONE, 30_000_000).line("B001", ONE, 33_350_000)
            .line("C001", ONE, 12_340_000).line("D001", 3 * ONE, 60_000_000));
        final SettlementResult r = e.result;
        assertThat(r.fulamtOwnpayAmt).isEqualTo(1_234);
        assertThat(r.overlmtSelfpay).isEqualTo(3_000);
        assertThat(r.preselfpayAmt).isEqualTo(334);
        assertThat(r.inscpScpAmt).isEqualTo(6_000 + 3_001 + 15_000);
        assertThat(r.medfeeSumamt).isEqualTo(6_000 + 3_335 + 1_234 + 18_000)
            .isEqualTo(r.fulamtOwnpayAmt + r.overlmtSelfpay + r.preselfpayAmt + r.inscpScpAmt);
    }

    @Test
    void shouldExplainEachLineOnlyWhenAsked()
    {
        final SettlementEvent plain = price(e1().line("B001", ONE, 33_350_000));
        assertThat(plain.result.explain).isNull();
        final SettlementEvent e = new SettlementEvent(e1().line("B001", ONE, 33_350_000).build(), new SettlementResult());
        e.result.explain = new StringBuilder();
        e.start(ref, 0);
        identity.onEvent(e);
        pricing.onEvent(e);
        assertThat(e.result.explain.toString()).contains("§3 line 1 B001: amount 33.35").contains("先行自付 pct(33.35, 0.1000) = 3.34")
            .contains("政策范围内 30.01");
    }
}

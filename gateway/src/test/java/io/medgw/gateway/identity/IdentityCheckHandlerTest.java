package io.medgw.gateway.identity;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.TestRequest;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import static io.medgw.gateway.TestRegion.day;
import static io.medgw.gateway.TestRegion.time;
import static org.assertj.core.api.Assertions.assertThat;

/** Rules §1–§2: every refusal code of the identity stage, and their order. */
final class IdentityCheckHandlerTest
{
    private static final long ONE = 10_000;              // 1 unit (quantity ×10^4)
    private static final long YUAN_100 = 100_000_000;    // 100.00 yuan in micro-yuan
    private final ReferenceData ref = TestRegion.standard().build();
    private final IdentityCheckHandler handler = new IdentityCheckHandler(null, 0);

    private static TestRequest ok()
    {
        return TestRequest.of("2207").person("E1").line("A001", ONE, YUAN_100);
    }

    private SettlementEvent run(final IdentityCheckHandler h, final ReferenceData data, final TestRequest t, final long now)
    {
        final SettlementEvent e = new SettlementEvent(t.build(), new SettlementResult());
        e.start(data, now);
        h.onEvent(e);
        return e;
    }

    private SettlementEvent run(final TestRequest t)
    {
        return run(handler, ref, t, time("2026-03-01 10:00:00"));
    }

    private ErrorCode code(final TestRequest t)
    {
        return run(t).result.error;
    }

    @Test
    void shouldResolveEverythingWhenEligible()
    {
        final SettlementEvent e = run(ok());
        assertThat(e.result.error).isEqualTo(ErrorCode.NONE);
        assertThat(e.person.psnNo()).isEqualTo("E1");
        assertThat(e.institution.code()).isEqualTo(TestRegion.H3);
        assertThat(e.benefitClass).isEqualTo(BenefitClass.OUTPATIENT);
        assertThat(e.cell.deductibleFen()).isEqualTo(50_000);
        assertThat(e.cell.ratioBp()).isEqualTo(6000);
        assertThat(e.crossRegion).isFalse();
        assertThat(e.result.psnName).isEqualTo("姓名E1");
        assertThat(e.result.insutype).isEqualTo("310");
        assertThat(e.result.clrOptins).isEqualTo(TestRegion.LOCAL);
        assertThat(e.result.clrType).isEqualTo("11");
        assertThat(e.result.hospLv).isEqualTo(3);
        assertThat(e.year).isEqualTo(2026);
    }

    @Test
    void shouldRefuseE2001WhenALineIsUnreadable()
    {
        final SettlementEvent e = run(TestRequest.of("2207").person("E1").line("A001", ONE, YUAN_100)
            .unreadableLine("A001", 2, "1.00001"));
        assertThat(e.result.error).isEqualTo(ErrorCode.E2001);
        assertThat(e.result.errorMessage).contains("第2行").contains("cnt=1.00001");
    }

    @Test
    void shouldRefuseE2001WhenALineIsNegative()
    {
        assertThat(code(TestRequest.of("2207").person("E1").line("A001", -100, -ONE, 1_000_000))).isEqualTo(ErrorCode.E2001);
    }

    @Test
    void shouldRunE2001OverAllLinesBeforeE2002()
    {
        // line 1 has a wrong amount (E2002), line 2 is unreadable (E2001): E2001 wins.
        assertThat(code(TestRequest.of("2207").person("E1").line("A001", 9_999, ONE, YUAN_100)
            .unreadableLine("A001", 1, "1.005"))).isEqualTo(ErrorCode.E2001);
    }

    @Test
    void shouldRefuseE2002WhenAmountIsNotQuantityTimesPrice()
    {
        final SettlementEvent e = run(TestRequest.of("2207").person("E1").line("A001", 10_001, ONE, YUAN_100));
        assertThat(e.result.error).isEqualTo(ErrorCode.E2002);
        assertThat(e.result.errorMessage).contains("det_item_fee_sumamt=100.01").contains("= 100.00");
    }

    @Test
    void shouldRoundLineHalfUpWhenCheckingE2002()
    {
        // 3 × 0.333333 = 0.999999 yuan → line = (30000 × 333333 + 5e7) div 1e8 = 100 fen.
        assertThat(code(TestRequest.of("2207").person("E1").line("A001", 100, 30_000, 333_333))).isEqualTo(ErrorCode.NONE);
        assertThat(code(TestRequest.of("2207").person("E1").line("A001", 99, 30_000, 333_333))).isEqualTo(ErrorCode.E2002);
        // 1 × 0.005 yuan = 0.5 fen → rounds half up to 1 fen.
        assertThat(code(TestRequest.of("2207").person("E1").line("A001", 1, ONE, 5_000))).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldRefuseE2003WhenCodeIsNotInTheCatalogue()
    {
        final SettlementEvent e = run(ok().line("ZZZ9", ONE, YUAN_100));
        assertThat(e.result.error).isEqualTo(ErrorCode.E2003);
        assertThat(e.result.errorMessage).contains("med_list_codg=ZZZ9").contains("320100");
    }

    @Test
    void shouldNotRefuseE2003WhenTheCodeIsOnlyExpired()
    {
        // X001 exists (valid until 2025): not E2003; pricing makes it 全自费.
        assertThat(code(ok().line("X001", ONE, YUAN_100))).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldAnswerE1021InsteadOfE2003WhenInstitutionIsUnknown()
    {
        assertThat(code(ok().line("ZZZ9", ONE, YUAN_100).at("H99999999999"))).isEqualTo(ErrorCode.E1021);
    }

    @Test
    void shouldRefuseE2004WhenThereAreNoLines()
    {
        assertThat(code(TestRequest.of("2207").person("E1"))).isEqualTo(ErrorCode.E2004);
    }

    @Test
    void shouldRefuseE2005WhenMedfeeSumamtDiffersFromLines()
    {
        final SettlementEvent e = run(ok().line("B001", ONE, 50_000_000).medfee(14_999));
        assertThat(e.result.error).isEqualTo(ErrorCode.E2005);
        assertThat(e.result.errorMessage).contains("medfee_sumamt=149.99").contains("150.00");
        assertThat(code(ok().line("B001", ONE, 50_000_000).medfee(15_000))).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldRefuseE1001WhenCredentialIsUnknown()
    {
        final SettlementEvent e = run(TestRequest.of("2207").card("123").line("A001", ONE, YUAN_100));
        assertThat(e.result.error).isEqualTo(ErrorCode.E1001);
        assertThat(e.result.errorMessage).startsWith("就诊凭证无法识别：mdtrt_cert_type=03 mdtrt_cert_no=123");
        assertThat(code(TestRequest.of("2207").idCard("IDnobody").line("A001", ONE, YUAN_100))).isEqualTo(ErrorCode.E1001);
        assertThat(code(TestRequest.of("2207").voucher("TOKENnobody").line("A001", ONE, YUAN_100))).isEqualTo(ErrorCode.E1001);
        assertThat(code(TestRequest.of("2207").credential("99", "CARDE1").line("A001", ONE, YUAN_100))).isEqualTo(ErrorCode.E1001);
    }

    @Test
    void shouldRefuseE1001WhenCredentialBelongsToAnotherPsnNo()
    {
        assertThat(code(TestRequest.of("2207").psn("E2").card("CARDE1").line("A001", ONE, YUAN_100))).isEqualTo(ErrorCode.E1001);
    }

    @Test
    void shouldResolveEveryCredentialTypeAndPsnNoAlone()
    {
        assertThat(run(TestRequest.of("2207").idCard("IDE1").line("A001", ONE, YUAN_100)).person.psnNo()).isEqualTo("E1");
        assertThat(run(TestRequest.of("2207").voucher("TOKENE1").line("A001", ONE, YUAN_100)).person.psnNo()).isEqualTo("E1");
        assertThat(run(TestRequest.of("2207").psn("E1").line("A001", ONE, YUAN_100)).person.psnNo()).isEqualTo("E1");
        assertThat(code(TestRequest.of("2207").line("A001", ONE, YUAN_100))).isEqualTo(ErrorCode.E1001);
    }

    @Test
    void shouldRefuseE1002WhenTheVoucherExpiredBeforeInfTime()
    {
        final SettlementEvent e = run(TestRequest.of("2207").voucher("TOKENX1").line("A001", ONE, YUAN_100));
        assertThat(e.result.error).isEqualTo(ErrorCode.E1002);
        assertThat(e.result.errorMessage).contains("2026-01-01 00:00:00");
        // the same person with a card is fine
        assertThat(code(TestRequest.of("2207").card("CARDX1").line("A001", ONE, YUAN_100))).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldRefuseE1011WhenPersonIsNotActive()
    {
        final SettlementEvent e = run(TestRequest.of("2207").person("S1").line("A001", ONE, YUAN_100));
        assertThat(e.result.error).isEqualTo(ErrorCode.E1011);
        assertThat(e.result.errorMessage).contains("psn_no=S1").contains("psn_insu_stas=2");
    }

    @Test
    void shouldRefuseE1012WhenOutsideBenefitPeriod()
    {
        assertThat(code(TestRequest.of("2207").person("B1").line("A001", ONE, YUAN_100))).isEqualTo(ErrorCode.E1012);
        assertThat(code(TestRequest.of("2207").person("B1").time("2025-12-31 23:59:59").line("A001", ONE, YUAN_100)))
            .isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldCheckPersonBeforeInstitution()
    {
        assertThat(code(TestRequest.of("2207").person("S1").at("H99999999999").line("A001", ONE, YUAN_100)))
            .isEqualTo(ErrorCode.E1011);
    }

    @Test
    void shouldRefuseE1021WhenInstitutionIsUnknown()
    {
        final SettlementEvent e = run(ok().at("H99999999999"));
        assertThat(e.result.error).isEqualTo(ErrorCode.E1021);
        assertThat(e.result.errorMessage).contains("fixmedins_code=H99999999999");
    }

    @Test
    void shouldRefuseE1022WhenAgreementIsNotValid()
    {
        final ReferenceData data = TestRegion.standard().agreement(TestRegion.H3, day("2020-01-01"), day("2026-02-28")).build();
        final SettlementEvent e = run(handler, data, ok(), time("2026-03-01 10:00:00"));
        assertThat(e.result.error).isEqualTo(ErrorCode.E1022);
        assertThat(e.result.errorMessage).contains("2026-02-28");
    }

    @Test
    void shouldRefuseE1023OnlyWhenSignInIsCheckedAndMissing()
    {
        final IdentityCheckHandler wire = new IdentityCheckHandler(code -> !TestRegion.H3.equals(code), 0);
        assertThat(run(wire, ref, ok(), time("2026-03-01 10:00:00")).result.error).isEqualTo(ErrorCode.E1023);
        assertThat(run(wire, ref, ok().at(TestRegion.H2), time("2026-03-01 10:00:00")).result.error).isEqualTo(ErrorCode.NONE);
        assertThat(code(ok())).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldRefuseE1024OnlyWhenSkewIsCheckedAndExceeded()
    {
        final IdentityCheckHandler wire = new IdentityCheckHandler(null, 600);
        // inf_time 10:00:00; clock 10:10:00 is exactly 600 s away (accepted), 10:10:01 is not.
        assertThat(run(wire, ref, ok(), time("2026-03-01 10:10:00")).result.error).isEqualTo(ErrorCode.NONE);
        assertThat(run(wire, ref, ok(), time("2026-03-01 10:10:01")).result.error).isEqualTo(ErrorCode.E1024);
        assertThat(run(wire, ref, ok(), time("2026-03-01 09:49:59")).result.error).isEqualTo(ErrorCode.E1024);
        assertThat(run(handler, ref, ok(), time("2027-01-01 00:00:00")).result.error).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldCheckE1023BeforeE1024()
    {
        final IdentityCheckHandler wire = new IdentityCheckHandler(code -> false, 600);
        assertThat(run(wire, ref, ok(), time("2026-03-02 10:00:00")).result.error).isEqualTo(ErrorCode.E1023);
    }

    @Test
    void shouldRefuseE1031WhenMedTypeIsUnknownOrNotAllowed()
    {
        assertThat(code(ok().medType("99"))).isEqualTo(ErrorCode.E1031);
        assertThat(code(ok().medType(null))).isEqualTo(ErrorCode.E1031);
        assertThat(code(ok().medType("41"))).isEqualTo(ErrorCode.E1031);                   // hospital
        assertThat(code(ok().medType("11").at(TestRegion.PH))).isEqualTo(ErrorCode.E1031); // pharmacy
        assertThat(code(ok().medType("41").at(TestRegion.PH))).isEqualTo(ErrorCode.NONE);
        final SettlementEvent e = run(TestRequest.of("2207").person("C1").medType("14").dise("M03900").at(TestRegion.PH)
            .line("A001", ONE, YUAN_100));
        assertThat(e.result.error).isEqualTo(ErrorCode.E1031);
        assertThat(e.result.errorMessage).contains("med_type=14").contains("药店仅可结算 41");
        assertThat(code(TestRequest.of("2207").person("C1").medType("14").dise("M03900").at(TestRegion.PD)
            .line("A001", ONE, YUAN_100))).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldRefuseE1041WhenChronicHasNoValidCertification()
    {
        final TestRequest base = TestRequest.of("2207").person("C1").medType("14").line("A001", ONE, YUAN_100);
        assertThat(code(base.dise("M99999"))).isEqualTo(ErrorCode.E1041);
        assertThat(code(base.dise(null))).isEqualTo(ErrorCode.E1041);
        assertThat(code(TestRequest.of("2207").person("E1").medType("14").dise("M03900").line("A001", ONE, YUAN_100)))
            .isEqualTo(ErrorCode.E1041);
        assertThat(code(base.dise("M03900").time("2027-01-05 10:00:00"))).isEqualTo(ErrorCode.E1041);
        assertThat(code(base.dise("M03900").time("2026-03-01 10:00:00"))).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldRefuseE1042WhenCertificationDesignatesAnotherInstitution()
    {
        final TestRequest t = TestRequest.of("2207").person("C1").medType("14").dise("M01600").line("A001", ONE, YUAN_100);
        final SettlementEvent e = run(t);
        assertThat(e.result.error).isEqualTo(ErrorCode.E1042);
        assertThat(e.result.errorMessage).contains("dise_codg=M01600");
        assertThat(code(t.at(TestRegion.H1))).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldAcceptWhenOneOfSeveralCertificationsMatches()
    {
        final ReferenceData data = TestRegion.standard().person("C1")
            .chronic("M01600", day("2026-01-01"), day("2026-12-31"), TestRegion.H3).done().build();
        final TestRequest t = TestRequest.of("2207").person("C1").medType("14").dise("M01600").line("A001", ONE, YUAN_100);
        assertThat(run(handler, data, t, 0).result.error).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldRefuseE1051WhenMaternityIsForANon310Person()
    {
        assertThat(code(TestRequest.of("2207").person("R1").medType("52").line("A001", ONE, YUAN_100))).isEqualTo(ErrorCode.E1051);
        assertThat(code(TestRequest.of("2207").person("E1").medType("52").line("A001", ONE, YUAN_100))).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldRefuseE1061WhenInstitutionIsNotOpenForCrossRegion()
    {
        final SettlementEvent e = run(TestRequest.of("2207").person("Q1").at(TestRegion.H1).line("A001", ONE, YUAN_100));
        assertThat(e.result.error).isEqualTo(ErrorCode.E1061);
        assertThat(e.result.errorMessage).contains("手工（零星）报销").contains("fixmedins_code=" + TestRegion.H1);
    }

    @Test
    void shouldRefuseE1062WhenNoFilingMatches()
    {
        final SettlementEvent e = run(TestRequest.of("2207").person("Q3").line("A001", ONE, YUAN_100));
        assertThat(e.result.error).isEqualTo(ErrorCode.E1062);
        assertThat(e.result.errorMessage).contains("手工（零星）报销").contains("psn_no=Q3");
        // Q2's filing names province 320000: matches 320100 (H3), not 440300 (HF).
        assertThat(code(TestRequest.of("2207").person("Q2").line("A001", ONE, YUAN_100))).isEqualTo(ErrorCode.NONE);
        assertThat(code(TestRequest.of("2207").person("Q2").at(TestRegion.HF).line("A001", ONE, YUAN_100)))
            .isEqualTo(ErrorCode.E1062);
        // Q1's filing starts 2026-01-01.
        assertThat(code(TestRequest.of("2207").person("Q1").time("2025-12-31 10:00:00").line("A001", ONE, YUAN_100)))
            .isEqualTo(ErrorCode.E1062);
    }

    @Test
    void shouldPickTheLatestBeginningFilingAndTheLastListedOnATie()
    {
        final ReferenceData data = TestRegion.standard().person("Q3")
            .filing("320000", "2", day("2025-06-01"), TestRegion.OPEN_END)
            .filing(TestRegion.LOCAL, "3", day("2026-01-01"), TestRegion.OPEN_END)
            .filing("320000", "4", day("2026-01-01"), TestRegion.OPEN_END)
            .filing(TestRegion.LOCAL, "1", day("2026-02-01"), day("2026-02-28")).done().build();
        final SettlementEvent e = run(handler, data, TestRequest.of("2207").person("Q3").line("A001", ONE, YUAN_100), 0);
        assertThat(e.result.error).isEqualTo(ErrorCode.NONE);
        assertThat(e.filing.dsgnType()).isEqualTo("4");
        assertThat(e.crossRegion).isTrue();
        assertThat(e.result.crossRegion).isTrue();
    }

    @Test
    void shouldRefuseE1071WhenThereIsNoPolicyOrCell()
    {
        final SettlementEvent none = run(TestRequest.of("2207").person("N1").line("A001", ONE, YUAN_100));
        assertThat(none.result.error).isEqualTo(ErrorCode.E1071);
        assertThat(none.result.errorMessage).contains("insuplc_admdvs=320100").contains("insutype=340");
        final SettlementEvent cell = run(TestRequest.of("2207").person("T1").line("A001", ONE, YUAN_100));
        assertThat(cell.result.error).isEqualTo(ErrorCode.E1071);
        assertThat(cell.result.errorMessage).contains("psn_type=9999");
        assertThat(code(ok().time("2027-03-01 10:00:00"))).isEqualTo(ErrorCode.E1071);
    }

    @Test
    void shouldTakeThePolicyOfTheSettlementYear()
    {
        assertThat(run(ok().time("2025-12-31 23:59:59")).policy.year()).isEqualTo(2025);
        assertThat(run(ok().time("2026-01-01 00:00:00")).policy.year()).isEqualTo(2026);
    }

    @Test
    void shouldSkipCancelsAndRefusedSlots()
    {
        final SettlementEvent e = run(TestRequest.of("2208").person("S1").setlId("S1"));
        assertThat(e.result.error).isEqualTo(ErrorCode.NONE);
        assertThat(e.person).isNull();
    }
}

package io.medgw.gateway.state;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.TestRequest;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.CapGroup;
import io.medgw.gateway.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import static io.medgw.gateway.TestRegion.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The single-writer state: apply, balances, records, idempotency retention, ids, digests. */
final class SettlementStateTest
{
    private final ReferenceData ref = TestRegion.standard().build();
    private final SettlementState state = new SettlementState(() -> ref, 3_600, "", 16);

    private static SettlementRequest key(final String msgid)
    {
        return TestRequest.of("2207").msgid(msgid).person("E1").line("A001", 10_000, 1_000_000).build();
    }

    // a settlement of E1 in 2026 that used 100.00 of the outpatient deductible and paid 30.00 from the account.
    private static SettlementResult settlement(final String setlId, final long time)
    {
        final SettlementResult r = new SettlementResult();
        r.setlId = setlId;
        r.mdtrtId = "M000000000007";
        r.sign = 1;
        r.psnNo = "E1";
        r.setlTime = time;
        r.accYear = 2026;
        r.dedClass = BenefitClass.OUTPATIENT.ordinal();
        r.dedUsed = 10_000;
        r.poolGroup = CapGroup.OUTPATIENT.ordinal();
        r.poolPaid = 2_000;
        r.acctPay = 3_000;
        r.balc = 97_000;
        r.nFundCount = 1;
        r.nFundCode[0] = "350100";
        r.nFundPaid[0] = 500;
        return r;
    }

    @Test
    void shouldApplyEffectsAndRecordTheSettlement()
    {
        state.apply(key("m1"), settlement("S000000000003", time("2026-03-01 10:00:00")));
        final YearAccumulators y = state.accumulators("E1", 2026);
        assertThat(y.dedUsed(BenefitClass.OUTPATIENT)).isEqualTo(10_000);
        assertThat(y.poolPaid(CapGroup.OUTPATIENT)).isEqualTo(2_000);
        assertThat(y.nFundPaid("350100")).isEqualTo(500);
        assertThat(state.accumulators("E1", 2025).isZero()).isTrue();
        assertThat(state.balanceOf("E1")).isEqualTo(97_000);
        assertThat(state.record("S000000000003").isSettlement()).isTrue();
        assertThat(state.effective(TestRegion.H3, "m1").setlId()).isEqualTo("S000000000003");
        assertThat(state.nextSetlId()).isEqualTo("S000000000004");
        assertThat(state.nextMdtrtId()).isEqualTo("M000000000008");
    }

    @Test
    void shouldIgnoreASecondApplyOfTheSameSetlId()
    {
        state.apply(key("m1"), settlement("S000000000001", time("2026-03-01 10:00:00")));
        final long digest = state.digest();
        state.apply(key("m1"), settlement("S000000000001", time("2026-03-01 10:00:00")));
        assertThat(state.digest()).isEqualTo(digest);
        assertThat(state.accumulators("E1", 2026).dedUsed(BenefitClass.OUTPATIENT)).isEqualTo(10_000);
    }

    @Test
    void shouldSeedOpeningBalancesOnlyWhenApplyTouchesAPerson()
    {
        assertThat(state.balanceOf("E1")).isEqualTo(100_000);
        assertThat(state.personCount()).isZero();
        final SettlementResult r = settlement("S000000000001", time("2026-03-01 10:00:00"));
        r.mulaidHolderPsnNo = "E2";
        r.acctMulaidPay = 1_000;
        state.apply(key("m1"), r);
        assertThat(state.personCount()).isEqualTo(2);
        assertThat(state.balanceOf("E2")).isEqualTo(30_000 - 1_000);
    }

    @Test
    void shouldRestoreTheCanonicalAccountsDigestAfterANegatedApply()
    {
        assertThat(state.accountsDigest()).isZero();
        final SettlementResult s = settlement("S000000000001", time("2026-03-01 10:00:00"));
        state.apply(key("m1"), s);
        assertThat(state.accountsDigest()).isNotZero();
        final SettlementResult c = new SettlementResult();
        state.record("S000000000001").negateInto(c);
        c.setlId = "S000000000002";
        c.origSetlId = "S000000000001";
        c.sign = -1;
        c.balc = 100_000;
        c.setlTime = time("2026-03-02 10:00:00");
        state.apply(key("m2"), c);
        assertThat(state.accountsDigest()).isZero();
        assertThat(state.record("S000000000001").cancelled()).isTrue();
        assertThat(state.record("S000000000002").isCancellation()).isTrue();
        assertThat(state.accumulators("E1", 2026).isZero()).isTrue();
    }

    @Test
    void shouldRememberAnswersWithinTheRetentionWindowOnly()
    {
        final SettlementRequest req = key("m1");
        final SettlementResult refused = new SettlementResult();
        refused.refuse(ErrorCode.E1011, "x");
        refused.setlTime = time("2026-03-01 10:00:00");
        state.apply(req, refused);
        assertThat(state.answer(TestRegion.H3, "m1", time("2026-03-01 11:00:00")).error()).isEqualTo(ErrorCode.E1011);
        assertThat(state.answer(TestRegion.H3, "m1", time("2026-03-01 11:00:01"))).isNull();
        assertThat(state.answer(TestRegion.H2, "m1", time("2026-03-01 10:00:00"))).isNull();
        // a later answer past the window drops it
        final SettlementResult later = new SettlementResult();
        later.setlTime = time("2026-03-01 11:00:01");
        state.apply(key("m2"), later);
        assertThat(state.answerCount()).isEqualTo(1);
    }

    @Test
    void shouldNeverRememberSystemErrorsOrE3001()
    {
        final SettlementResult r = new SettlementResult();
        r.refuse(ErrorCode.E9001, "overloaded");
        state.apply(key("m1"), r);
        r.refuse(ErrorCode.E3001, "reused");
        state.apply(key("m1"), r);
        assertThat(state.answerCount()).isZero();
    }

    @Test
    void shouldRebuildIdSequencesFromTheHighestIdSeen()
    {
        state.apply(key("m1"), settlement("S000000000009", time("2026-03-01 10:00:00")));
        state.apply(key("m2"), settlement("S000000000004", time("2026-03-01 10:00:00")));
        state.apply(key("m3"), settlement("HIS-42", time("2026-03-01 10:00:00")));
        assertThat(state.nextSetlId()).isEqualTo("S000000000010");
        state.noteMdtrtId("M000000000100");
        assertThat(state.nextMdtrtId()).isEqualTo("M000000000101");
    }

    @Test
    void shouldFormatAndParseIdsWithAPrefix()
    {
        final IdSequence s = new IdSequence("GW01", 'S');
        assertThat(s.next()).isEqualTo("GW01S000000000001");
        s.observe("GW01S000000000041");
        s.observe("S000000000099");
        s.observe("GW01S00000000004X");
        assertThat(s.last()).isEqualTo(41);
        assertThat(s.next()).hasSize(17).isEqualTo("GW01S000000000042");
        assertThatThrownBy(() -> new IdSequence("GW-1", 'S')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdSequence("12345678901234567", 'S')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCopyARecordBackExactlyAndNegateIt()
    {
        final SettlementResult r = settlement("S000000000001", time("2026-03-01 10:00:00"));
        r.medfeeSumamt = 12_345;
        r.psnCashPay = 12_345 - 3_000;
        r.addFundRow("310100", "统筹", 2_000, 9_000, 40_000);
        r.explain = new StringBuilder("why");
        final SettlementRecord rec = SettlementRecord.of(key("m1"), r);
        final SettlementResult back = new SettlementResult();
        back.explain = new StringBuilder("old");
        rec.copyTo(back);
        assertThat(back.medfeeSumamt).isEqualTo(12_345);
        assertThat(back.fundRowCount).isEqualTo(1);
        assertThat(back.fundPayType[0]).isEqualTo("310100");
        assertThat(back.fundCrtPaybLmt[0]).isEqualTo(40_000);
        assertThat(back.nFundPaid[0]).isEqualTo(500);
        assertThat(back.explain.toString()).isEqualTo("why");
        final SettlementResult neg = new SettlementResult();
        rec.negateInto(neg);
        assertThat(neg.medfeeSumamt).isEqualTo(-12_345);
        assertThat(neg.fundPayamt[0]).isEqualTo(-2_000);
        assertThat(neg.fundCrtPaybLmt[0]).isEqualTo(40_000);
        assertThat(neg.dedUsed).isEqualTo(-10_000);
        assertThat(neg.nFundPaid[0]).isEqualTo(-500);
        assertThat(neg.balc).isEqualTo(97_000);
    }

    @Test
    void shouldRefuseANonPositiveRetention()
    {
        assertThatThrownBy(() -> new SettlementState(() -> ref, 0, "", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

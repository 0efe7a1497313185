package io.medgw.gateway.settlement;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.Units;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.TestEngine;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.TestRequest;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.CapGroup;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.state.SettlementState;
import org.junit.jupiter.api.Test;

import static io.medgw.gateway.TestRegion.time;
import static org.assertj.core.api.Assertions.assertThat;

/** The facade: pre-settle, settle, ids, cancel (§7), 冲正, idempotency (§8), other transactions. */
final class SettlementEngineTest
{
    private static final long ONE = 10_000;
    private final ReferenceData ref = TestRegion.standard().build();
    private final TestEngine engine = new TestEngine(ref);

    private static TestRequest bill(final String infno, final String msgid, final String psn, final long fen)
    {
        return TestRequest.of(infno).msgid(msgid).person(psn).line("A001", ONE, fen * Units.MICRO_PER_FEN);
    }

    private SettlementState state()
    {
        return engine.state();
    }

    @Test
    void shouldChangeNothingOnPreSettlement()
    {
        final long before = state().accountsDigest();
        final SettlementResult r = engine.run(bill("2206", "m1", "E1", 80_000));
        assertThat(r.error).isEqualTo(ErrorCode.NONE);
        assertThat(r.sign).isZero();
        assertThat(r.setlId).isNull();
        assertThat(r.hifpPay).isEqualTo(18_000);
        assertThat(r.balc).isEqualTo(38_000);
        assertThat(state().accountsDigest()).isEqualTo(before);
        assertThat(state().balanceOf("E1")).isEqualTo(100_000);
        assertThat(state().recordCount()).isZero();
        // the settlement that follows computes the same
        final SettlementResult s = engine.run(bill("2207", "m2", "E1", 80_000));
        assertThat(s.hifpPay).isEqualTo(18_000);
        assertThat(s.sign).isEqualTo(1);
    }

    @Test
    void shouldGiveDeterministicIdsAndRecordTheReferenceVersion()
    {
        final SettlementResult a = engine.run(bill("2207", "m1", "E1", 1_000));
        final SettlementResult b = engine.run(bill("2207", "m2", "E2", 1_000).mdtrtId("VISIT-7"));
        assertThat(a.setlId).isEqualTo("S000000000001");
        assertThat(a.mdtrtId).isEqualTo("M000000000001");
        assertThat(b.setlId).isEqualTo("S000000000002");
        assertThat(b.mdtrtId).isEqualTo("VISIT-7");
        assertThat(a.refVersion).isEqualTo("test-1");
        assertThat(a.setlTime).isEqualTo(time("2026-03-01 10:00:00"));
        assertThat(a.setlDay).isEqualTo(TestRegion.day("2026-03-01"));
        assertThat(a.medType).isEqualTo("11");
        final TestEngine other = new TestEngine(new SettlementContext().referenceData(ref).idPrefix("GW1"));
        assertThat(other.run(bill("2207", "m1", "E1", 1_000)).setlId).isEqualTo("GW1S000000000001");
    }

    @Test
    void shouldCancelExactlyAndRestoreEveryAccumulatorAndBalance()
    {
        final long before = state().accountsDigest();
        final SettlementResult s = engine.run(bill("2207", "m1", "E1", 80_000));
        assertThat(state().balanceOf("E1")).isEqualTo(38_000);
        final SettlementResult c = engine.run(TestRequest.of("2208").msgid("m2").psn("E1").setlId(s.setlId)
            .time("2026-03-02 09:00:00"));
        assertThat(c.error).isEqualTo(ErrorCode.NONE);
        assertThat(c.sign).isEqualTo(-1);
        assertThat(c.setlId).isEqualTo("S000000000002");
        assertThat(c.origSetlId).isEqualTo(s.setlId);
        assertThat(c.medfeeSumamt).isEqualTo(-80_000);
        assertThat(c.hifpPay).isEqualTo(-18_000);
        assertThat(c.acctPay).isEqualTo(-62_000);
        assertThat(c.dedUsed).isEqualTo(-50_000);
        assertThat(c.fundPayamt[0]).isEqualTo(-18_000);
        assertThat(c.balc).isEqualTo(100_000);
        assertThat(c.setlTime).isEqualTo(time("2026-03-02 09:00:00"));
        assertThat(c.mdtrtId).isEqualTo(s.mdtrtId);
        assertThat(state().balanceOf("E1")).isEqualTo(100_000);
        assertThat(state().accountsDigest()).isEqualTo(before);
        assertThat(state().record(s.setlId).cancelled()).isTrue();
        assertThat(state().record(c.setlId).isCancellation()).isTrue();
    }

    @Test
    void shouldCheckCancelRefusalsInOrder()
    {
        final SettlementResult s = engine.run(bill("2207", "m1", "E1", 80_000));
        // unknown → E4001
        final SettlementResult unknown = engine.run(TestRequest.of("2208").msgid("c1").setlId("S999"));
        assertThat(unknown.error).isEqualTo(ErrorCode.E4001);
        assertThat(unknown.errorMessage).contains("setl_id=S999");
        // another institution's → E4003
        assertThat(engine.run(TestRequest.of("2208").msgid("c2").setlId(s.setlId).at(TestRegion.H2)).error)
            .isEqualTo(ErrorCode.E4003);
        // first cancel works; second → E4002; the cancellation's own id → E4001
        final SettlementResult c = engine.run(TestRequest.of("2208").msgid("c3").setlId(s.setlId));
        assertThat(c.error).isEqualTo(ErrorCode.NONE);
        assertThat(engine.run(TestRequest.of("2208").msgid("c4").setlId(s.setlId)).error).isEqualTo(ErrorCode.E4002);
        assertThat(engine.run(TestRequest.of("2208").msgid("c5").setlId(c.setlId)).error).isEqualTo(ErrorCode.E4001);
        // another institution's and already cancelled: E4003 comes first
        assertThat(engine.run(TestRequest.of("2208").msgid("c6").setlId(s.setlId).at(TestRegion.H2)).error)
            .isEqualTo(ErrorCode.E4003);
        assertThat(engine.run(TestRequest.of("2208").msgid("c7")).error).isEqualTo(ErrorCode.E4001);
    }

    @Test
    void shouldCancelWithoutEligibilityAndSubtractFromTheOriginalsYear()
    {
        // settle on 2025-12-31 (2025 accumulators), person suspended since; cancel on 2026-01-02.
        final TestRegion region = TestRegion.standard();
        final TestEngine e = new TestEngine(region.build());
        final SettlementResult s = e.run(bill("2207", "m1", "E1", 80_000).time("2025-12-31 18:00:00"));
        assertThat(s.accYear).isEqualTo(2025);
        e.run(bill("2207", "m2", "E1", 60_000).time("2026-01-02 08:00:00"));
        assertThat(e.state().accumulators("E1", 2025).dedUsed(BenefitClass.OUTPATIENT)).isEqualTo(50_000);
        assertThat(e.state().accumulators("E1", 2026).dedUsed(BenefitClass.OUTPATIENT)).isEqualTo(50_000);
        final SettlementResult c = e.run(TestRequest.of("2208").msgid("m3").setlId(s.setlId).time("2026-01-02 09:00:00"));
        assertThat(c.error).isEqualTo(ErrorCode.NONE);
        assertThat(c.accYear).isEqualTo(2025);
        assertThat(e.state().accumulators("E1", 2025).dedUsed(BenefitClass.OUTPATIENT)).isZero();
        assertThat(e.state().accumulators("E1", 2025).poolPaid(CapGroup.OUTPATIENT)).isZero();
        assertThat(e.state().accumulators("E1", 2026).dedUsed(BenefitClass.OUTPATIENT)).isEqualTo(50_000);
        // balance: 100000 − 62000 (first) = 38000; second (new year's deductible): act 50000, base 10000, hifp 6000,
        // psn_part 54000, acct = min(54000, 38000) = 38000 → 0; the cancel credits back 62000.
        assertThat(e.state().balanceOf("E1")).isEqualTo(62_000);
    }

    @Test
    void shouldCancelEvenWhenThePersonIsNoLongerEligible()
    {
        final SettlementResult s = engine.run(bill("2207", "m1", "B1", 10_000).time("2025-12-30 10:00:00"));
        assertThat(s.error).isEqualTo(ErrorCode.NONE);
        final SettlementResult c = engine.run(TestRequest.of("2208").msgid("m2").setlId(s.setlId).time("2026-03-01 10:00:00"));
        assertThat(c.error).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldCreditTheHolderBackWhenCancellingFamilyMutualAid()
    {
        final SettlementResult s = engine.run(bill("2207", "m1", "M1", 10_000));
        assertThat(state().balanceOf("E1")).isEqualTo(90_000);
        final SettlementResult c = engine.run(TestRequest.of("2208").msgid("m2").setlId(s.setlId));
        assertThat(c.acctMulaidPay).isEqualTo(-10_000);
        assertThat(state().balanceOf("E1")).isEqualTo(100_000);
    }

    @Test
    void shouldReverseATransactionThatTookEffect()
    {
        final long before = state().accountsDigest();
        final SettlementResult s = engine.run(bill("2207", "m1", "E1", 80_000));
        final SettlementResult r = engine.run(TestRequest.of("2601").msgid("r1").psn("E1").original("m1", "2207"));
        assertThat(r.error).isEqualTo(ErrorCode.NONE);
        assertThat(r.sign).isEqualTo(-1);
        assertThat(r.origSetlId).isEqualTo(s.setlId);
        assertThat(r.medfeeSumamt).isEqualTo(-80_000);
        assertThat(state().accountsDigest()).isEqualTo(before);
        // again: already cancelled
        assertThat(engine.run(TestRequest.of("2601").msgid("r2").original("m1", "2207")).error).isEqualTo(ErrorCode.E4002);
    }

    @Test
    void shouldSucceedAndChangeNothingWhenReversingSomethingThatNeverTookEffect()
    {
        engine.run(bill("2207", "refused", "S1", 10_000));
        engine.run(bill("2206", "pre", "E1", 10_000));
        final long before = state().accountsDigest();
        final int records = state().recordCount();
        for (final String omsgid : new String[] {"never-seen", "refused", "pre"})
        {
            final SettlementResult r = engine.run(TestRequest.of("2601").msgid("r-" + omsgid).original(omsgid, "2207"));
            assertThat(r.error).isEqualTo(ErrorCode.NONE);
            assertThat(r.sign).isZero();
            assertThat(r.setlId).isNull();
        }
        assertThat(state().accountsDigest()).isEqualTo(before);
        assertThat(state().recordCount()).isEqualTo(records);
    }

    @Test
    void shouldOnlyReverseTheSameInstitutionsTransactions()
    {
        engine.run(bill("2207", "m1", "E1", 80_000));
        final SettlementResult r = engine.run(TestRequest.of("2601").msgid("r1").original("m1", "2207").at(TestRegion.H2));
        assertThat(r.error).isEqualTo(ErrorCode.NONE);
        assertThat(r.sign).isZero();
        assertThat(state().balanceOf("E1")).isEqualTo(38_000);
    }

    @Test
    void shouldRefuseReversalWhenOinfnoDiffersOrTheOriginalIsACancellation()
    {
        final SettlementResult s = engine.run(bill("2207", "m1", "E1", 80_000));
        assertThat(engine.run(TestRequest.of("2601").msgid("r1").original("m1", "2304")).error).isEqualTo(ErrorCode.E4001);
        assertThat(engine.run(TestRequest.of("2601").msgid("r1b").original("m1", "2207A")).error).isEqualTo(ErrorCode.NONE);
        final SettlementResult s2 = engine.run(bill("2207", "m2", "E1", 1_000));
        engine.run(TestRequest.of("2208").msgid("c2").setlId(s2.setlId));
        final SettlementResult r = engine.run(TestRequest.of("2601").msgid("r2").original("c2", "2208"));
        assertThat(r.error).isEqualTo(ErrorCode.E4002);
        assertThat(r.errorMessage).contains("撤销");
        assertThat(s.error).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldReturnTheFirstAnswerAndChangeNothingOnAResend()
    {
        final SettlementResult first = engine.run(bill("2207", "m1", "E1", 80_000));
        final long digest = state().digest();
        final SettlementResult again = engine.run(bill("2207", "m1", "E1", 80_000).time("2026-03-01 10:05:00"));
        assertThat(again.error).isEqualTo(ErrorCode.NONE);
        assertThat(again.setlId).isEqualTo(first.setlId);
        assertThat(again.setlTime).isEqualTo(first.setlTime);
        assertThat(again.acctPay).isEqualTo(first.acctPay);
        assertThat(again.balc).isEqualTo(first.balc);
        assertThat(again.fundRowCount).isEqualTo(first.fundRowCount);
        assertThat(state().digest()).isEqualTo(digest);
        assertThat(state().balanceOf("E1")).isEqualTo(38_000);
    }

    @Test
    void shouldReturnTheFirstRefusalOnAResendEvenIfItWouldNowSucceed()
    {
        final boolean[] signedIn = {false};
        final TestEngine wire = new TestEngine(new SettlementContext().referenceData(ref).signInStatus(c -> signedIn[0]));
        final SettlementResult first = wire.run(bill("2207", "m1", "E1", 80_000));
        assertThat(first.error).isEqualTo(ErrorCode.E1023);
        signedIn[0] = true;
        final SettlementResult again = wire.run(bill("2207", "m1", "E1", 80_000));
        assertThat(again.error).isEqualTo(ErrorCode.E1023);
        assertThat(again.errorMessage).isEqualTo(first.errorMessage);
        assertThat(wire.run(bill("2207", "m2", "E1", 80_000)).error).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldRefuseE3001AndChangeNothingWhenTheBodyDiffers()
    {
        final SettlementResult first = engine.run(bill("2207", "m1", "E1", 80_000));
        final long digest = state().digest();
        final SettlementResult other = engine.run(bill("2207", "m1", "E1", 80_001));
        assertThat(other.error).isEqualTo(ErrorCode.E3001);
        assertThat(other.errorMessage).contains("msgid=m1");
        assertThat(engine.run(bill("2206", "m1", "E1", 80_000)).error).isEqualTo(ErrorCode.E3001);
        assertThat(state().digest()).isEqualTo(digest);
        // E3001 is not remembered: the original body still gets the first answer
        assertThat(engine.run(bill("2207", "m1", "E1", 80_000)).setlId).isEqualTo(first.setlId);
        // the same msgid from another institution is another request
        assertThat(engine.run(bill("2207", "m1", "E1", 1_000).at(TestRegion.H2)).setlId).isEqualTo("S000000000002");
    }

    @Test
    void shouldProcessAResendAfterTheRetentionWindowAsNew()
    {
        final TestEngine e = new TestEngine(new SettlementContext().referenceData(ref).idempotencyRetentionSec(3_600));
        final SettlementResult first = e.run(bill("2207", "m1", "E1", 10_000));
        assertThat(e.run(bill("2207", "m1", "E1", 10_000).time("2026-03-01 11:00:00")).setlId).isEqualTo(first.setlId);
        final SettlementResult late = e.run(bill("2207", "m1", "E1", 10_000).time("2026-03-01 11:00:01"));
        assertThat(late.setlId).isEqualTo("S000000000002");
        // a different body after the window is not E3001 either
        assertThat(e.run(bill("2207", "m1", "E1", 20_000).time("2026-03-01 13:00:00")).error).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldRememberPreSettlementsToo()
    {
        final SettlementResult first = engine.run(bill("2206", "p1", "E1", 80_000));
        engine.run(bill("2207", "s1", "E1", 80_000));
        // the pre-settle re-sent after the settlement still returns its first answer (balc 38000 computed before)
        final SettlementResult again = engine.run(bill("2206", "p1", "E1", 80_000));
        assertThat(again.balc).isEqualTo(first.balc).isEqualTo(38_000);
        assertThat(again.sign).isZero();
    }

    @Test
    void shouldRefuseTransactionsOutsideTheSettlementCoreWithoutRememberingThem()
    {
        final SettlementResult r = engine.run(TestRequest.of("9001").msgid("x1"));
        assertThat(r.error).isEqualTo(ErrorCode.E5004);
        assertThat(state().answerCount()).isZero();
    }

    @Test
    void shouldNotBuildAnExplanationUnlessAsked()
    {
        final SettlementResult r = engine.run(bill("2207", "m1", "E1", 80_000));
        assertThat(r.explain).isNull();
        final SettlementResult x = engine.explain(bill("2207", "m2", "E1", 80_000));
        assertThat(x.explain.toString()).contains("§4.2 pool").contains("setl_id S000000000002");
        // a re-send with explain gets the first explanation back
        final SettlementResult again = engine.explain(bill("2207", "m2", "E1", 80_000));
        assertThat(again.explain.toString()).contains("§4.2 pool").contains("§8 re-sent msgid m2");
    }

    @Test
    void shouldReuseTheCallersRequestAndResultObjects()
    {
        final SettlementEngine e = new SettlementEngine(new SettlementContext().referenceData(ref));
        final SettlementRequest req = new SettlementRequest();
        final SettlementResult res = new SettlementResult();
        bill("2207", "m1", "E1", 80_000).into(req);
        e.process(req, res, req.infTime);
        assertThat(res.setlId).isEqualTo("S000000000001");
        bill("2207", "m2", "E2", 1_000).into(req);
        e.process(req, res, req.infTime);
        assertThat(res.setlId).isEqualTo("S000000000002");
        assertThat(res.psnNo).isEqualTo("E2");
    }

    @Test
    void shouldRebuildTheSameStateByReplayingTheJournal()
    {
        engine.run(bill("2207", "m1", "E1", 80_000));
        engine.run(bill("2207", "m2", "M1", 10_000));
        engine.run(bill("2207", "m3", "R2", 1_000_000).medType("21"));
        engine.run(bill("2207", "m3", "R2", 1_000_000).medType("21"));                   // re-send
        engine.run(bill("2207", "m4", "S1", 1_000));                                      // refusal
        engine.run(bill("2206", "m5", "E2", 1_000));                                      // pre-settle
        engine.run(TestRequest.of("2208").msgid("m6").setlId("S000000000001"));
        engine.run(TestRequest.of("2601").msgid("m7").original("m2", "2207"));
        engine.run(bill("2207", "m4", "S1", 2_000));                                      // E3001
        final SettlementState fresh = new SettlementContext().referenceData(ref).conclude().state();
        engine.replayInto(fresh);
        assertThat(fresh.digest()).isEqualTo(state().digest());
        assertThat(fresh.nextSetlId()).isEqualTo(state().nextSetlId()).isEqualTo("S000000000006");
        assertThat(fresh.nextMdtrtId()).isEqualTo(state().nextMdtrtId());
        // replaying twice changes nothing (a re-read ledger)
        engine.replayInto(fresh);
        assertThat(fresh.digest()).isEqualTo(state().digest());
    }
}

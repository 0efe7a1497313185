package io.medgw.gateway.state;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.TestEngine;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.TestRequest;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.CapGroup;
import io.medgw.gateway.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.medgw.gateway.TestRegion.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A snapshot of the settlement state: loading it into a fresh state gives the same state, which
 * then goes on applying exactly as the original (and as one state that applied everything).
 */
final class SettlementStateSnapshotTest
{
    private static final long RETENTION = 3_600;
    private static final String[] PERSONS = { "E1", "E2", "E3", "R1", "C1" };

    private final ReferenceData ref = TestRegion.standard().build();

    /** One answer as the ledger keeps it: the request's key fields and the answer. */
    private record Step(SettlementRequest req, SettlementRecord answer)
    {
        void applyTo(final SettlementState s)
        {
            final SettlementResult res = new SettlementResult();
            answer.copyTo(res);
            s.apply(req, res);
        }
    }

    private final List<Step> steps = new ArrayList<>();

    // ------------------------------------------------------------------ tests

    @Test
    void shouldGiveBackTheSameStateFromTheEnginesRealAnswers() throws IOException
    {
        final TestEngine live = new TestEngine(ref);
        for (int i = 0; i < 40; i++)
        {
            final String psn = PERSONS[i % PERSONS.length];
            final SettlementResult s = live.run(TestRequest.of("2207").person(psn)
                .time("2026-03-01 1" + (i % 10) + ":00:00").line("A001", 10_000, (1_000 + 997L * i) * 10_000));
            if (i % 7 == 3 && s.error == ErrorCode.NONE)
            {
                live.run(TestRequest.of("2208").psn(psn).setlId(s.setlId).time("2026-03-01 19:00:00"));
            }
        }
        live.run(TestRequest.of("2207").person("NOBODY").line("A001", 10_000, 1_000_000)); // a refusal
        final SettlementState a = live.state();
        assertThat(a.recordCount()).isGreaterThan(30);

        final SettlementState b = load(a);

        assertSameState(a, b);
        for (final String psn : PERSONS)
        {
            assertThat(b.balanceOf(psn)).isEqualTo(a.balanceOf(psn));
            assertSameYear(b.accumulators(psn, 2026), a.accumulators(psn, 2026));
        }
        for (long n = 1; n <= 50; n++)
        {
            final String setlId = String.format("S%012d", n);
            assertSameRecord(b.record(setlId), a.record(setlId));
            final SettlementRecord r = a.record(setlId);
            if (r != null)
            {
                final SettlementRecord e = b.effective(r.fixmedinsCode(), r.msgid());
                assertSameRecord(e, a.effective(r.fixmedinsCode(), r.msgid()));
                assertThat(e == null ? null : b.record(e.setlId())).as("the index holds the kept record").isSameAs(e);
                assertSameRecord(b.answer(r.fixmedinsCode(), r.msgid(), r.setlTime()),
                    a.answer(r.fixmedinsCode(), r.msgid(), r.setlTime()));
            }
        }
    }

    @Test
    void shouldGoOnApplyingLikeTheStateItWasTakenFrom() throws IOException
    {
        script();
        final int middle = 12;
        final SettlementState whole = fresh();
        steps.forEach(s -> s.applyTo(whole));
        final SettlementState a = fresh();
        steps.subList(0, middle).forEach(s -> s.applyTo(a));

        final SettlementState b = load(a);
        assertSameState(a, b);
        assertThat(b.answer(TestRegion.H3, "m3", time("2026-03-01 10:10:00")).error()).isEqualTo(ErrorCode.E1011);
        assertThat(b.record("S000000000001").cancelled()).isTrue();
        assertThat(b.answer(TestRegion.H3, "m4", time("2026-03-01 10:20:00")).error())
            .as("the refusal that replaced m4's answer").isEqualTo(ErrorCode.E1021);
        assertThat(b.effective(TestRegion.H3, "m4")).isSameAs(b.record("S000000000003"));
        assertThat(b.effective(TestRegion.H3, "m7")).isSameAs(b.record("S000000000008"));
        assertThat(b.record("S000000000005").isSettlement()).isTrue();
        assertThat(b.accumulators("E1", 2025).nFundPaid("350100")).as("cancelled: back to zero").isZero();
        assertThat(b.accumulators("E2", 2026).nFundPaid("350200")).isEqualTo(700);
        assertThat(b.balanceOf("E3")).as("共济 holder paid for E2").isEqualTo(a.balanceOf("E3"))
            .isNotEqualTo(opening("E3"));

        steps.subList(middle, steps.size()).forEach(s -> s.applyTo(a));
        steps.subList(middle, steps.size()).forEach(s -> s.applyTo(b));

        assertSameState(a, b);
        assertThat(b.digest()).isEqualTo(whole.digest());
        assertThat(b.accountsDigest()).isEqualTo(whole.accountsDigest());
        assertThat(b.answerCount()).as("entries past the retention window expired on both")
            .isEqualTo(whole.answerCount()).isEqualTo(3);
        assertThat(b.record("S000000000003").cancelled()).isTrue();
        for (int n = 1; n <= 8; n++)
        {
            assertSameRecord(b.record("S00000000000" + n), whole.record("S00000000000" + n));
        }
        assertThat(b.accumulators("E2", 2027).nFundPaid("350200")).isEqualTo(300);
        assertThat(b.nextSetlId()).isEqualTo(whole.nextSetlId()).isEqualTo("S000000000009");
        assertThat(b.nextMdtrtId()).isEqualTo(whole.nextMdtrtId()).isEqualTo("M000000000043");
        // values read back are the canon's: a settlement applied after the load shares them
        assertThat(copy(b.record("S000000000007")).psnName).isSameAs(copy(b.record("S000000000002")).psnName);
        assertThat(copy(b.record("S000000000007")).fundPayTypeName[0])
            .isSameAs(copy(b.record("S000000000002")).fundPayTypeName[0]);
    }

    @Test
    void shouldLoadOnlyIntoAFreshState() throws IOException
    {
        script();
        final SettlementState a = fresh();
        steps.forEach(s -> s.applyTo(a));
        final byte[] payload = write(a);

        final SettlementState used = fresh();
        steps.get(0).applyTo(used);
        assertThatThrownBy(() -> read(used, payload)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("fresh");
        final SettlementState noted = fresh();
        noted.noteMdtrtId("M000000000005");
        assertThatThrownBy(() -> read(noted, payload)).isInstanceOf(IllegalStateException.class);
        final SettlementState loaded = fresh();
        read(loaded, payload);
        assertThatThrownBy(() -> read(loaded, payload)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseAPayloadThatIsNotAWholeStateSection() throws IOException
    {
        script();
        final SettlementState a = fresh();
        steps.forEach(s -> s.applyTo(a));
        final byte[] payload = write(a);

        final byte[] wrongTag = payload.clone();
        wrongTag[0] ^= 0x40;
        assertThatThrownBy(() -> read(fresh(), wrongTag)).isInstanceOf(IOException.class)
            .hasMessageContaining("settlement state").hasMessageContaining("expected tag 0x53544154");
        for (final int cut : new int[] { 0, 6, 40, payload.length / 2, payload.length - 1 })
        {
            assertThatThrownBy(() -> read(fresh(), Arrays.copyOf(payload, cut))).as("cut at " + cut)
                .isInstanceOf(IOException.class).hasMessageContaining("ends early");
        }
        assertThatThrownBy(() -> read(new SettlementState(() -> ref, RETENTION, "GW01", 16), payload))
            .isInstanceOf(IOException.class).hasMessageContaining("id sequence");
        assertThatThrownBy(() -> read(new SettlementState(() -> ref, RETENTION + 1, "", 16), payload))
            .isInstanceOf(IOException.class).hasMessageContaining("retention");
        final byte[] newer = payload.clone();
        newer[7] = 9;
        assertThatThrownBy(() -> read(fresh(), newer)).isInstanceOf(IOException.class)
            .hasMessageContaining("format version 9");
    }

    @Test
    void shouldRoundTripAnEmptyState() throws IOException
    {
        final SettlementState b = load(fresh());
        assertThat(b.digest()).isEqualTo(fresh().digest());
        assertThat(b.personCount() + b.recordCount() + b.answerCount()).isZero();
        assertThat(b.nextSetlId()).isEqualTo("S000000000001");
    }

    // ------------------------------------------------------------------ the script

    /**
     * Settlements over two years and several persons (N funds, fund rows, a 共济 holder), a
     * cancellation, re-sends, refusals (one replacing a settlement's answer), errors never
     * remembered, a msgid whose index entry a second settlement took over; after step 12, answers
     * that push the first ones past the retention window, a cancellation of a settlement taken
     * before the snapshot, another year and an institution re-using a msgid.
     */
    private void script()
    {
        final SettlementRecord s1 = settle("m1", "S000000000001", "E1", "2025-12-31 23:50:00", 2025, 97_000, null);
        settle("m2", "S000000000002", "E2", "2026-03-01 10:00:00", 2026, 25_000, "E3");
        refuse("m3", ErrorCode.E1011, "2026-03-01 10:10:00");
        steps.add(steps.get(0));                     // a re-read of m1's record: no-op
        steps.add(steps.get(2));                     // the refusal's re-send answer: already remembered
        settle("m4", "S000000000003", "E1", "2026-03-01 10:15:00", 2026, 94_000, null);
        cancel("m5", "S000000000004", s1, "2026-03-01 10:20:00", 100_000);
        refuse("m6", ErrorCode.E9001, "2026-03-01 10:21:00"); // system error: never remembered
        refuse("m3", ErrorCode.E3001, "2026-03-01 10:22:00"); // msgid reuse: never remembered
        add(TestRequest.of("2207").msgid("m4").person("E1").medfee(1), refusal(ErrorCode.E1021, "2026-03-01 10:25:00"));
        settle("m7", "S000000000005", "C1", "2026-03-01 10:30:00", 2026, 49_000, null);
        settle("m7", "S000000000008", "R1", "2026-03-01 10:31:00", 2026, 0, null); // m7 now indexes S8
        // ---- the snapshot is taken here (12 steps)
        refuse("m8", ErrorCode.E1011, "2026-03-01 11:12:00");   // past the window of m2 and m3: both expire
        cancel("m9", "S000000000006", steps.get(5).answer(), "2026-03-01 11:20:00", 97_000);
        settle("m10", "S000000000007", "E2", "2027-01-02 09:00:00", 2027, 24_000, null);
        add(TestRequest.of("2207").msgid("m1").at(TestRegion.H2).person("R1"), refusal(ErrorCode.E1011, "2027-01-02 09:01:00"));
        mdtrt("M000000000042", "2027-01-02 09:02:00");
    }

    private SettlementRecord settle(final String msgid, final String setlId, final String psn, final String time,
        final int year, final long balc, final String holder)
    {
        final SettlementResult r = new SettlementResult();
        r.setlId = setlId;
        r.mdtrtId = "M0000000000" + setlId.substring(11);
        r.sign = 1;
        r.psnNo = psn;
        r.psnName = "姓名" + psn;
        r.setlTime = time(time);
        r.accYear = year;
        r.dedClass = BenefitClass.OUTPATIENT.ordinal();
        r.dedUsed = 10_000;
        r.poolGroup = CapGroup.OUTPATIENT.ordinal();
        r.poolPaid = 2_000 + year;
        r.seriousBase = 400;
        r.acctPay = 3_000;
        r.balc = balc;
        r.medfeeSumamt = 15_000;
        r.addFundRow("310100", new String("统筹基金"), 2_000, 9_000, 40_000);
        r.addFundRow("350200", "N 基金", 700, 700, 0);
        r.nFundCount = 2;
        r.nFundCode[0] = year == 2027 ? "350200" : "350100";
        r.nFundPaid[0] = year == 2027 ? 300 : 500;
        r.nFundCode[1] = "350200";
        r.nFundPaid[1] = year == 2027 ? 0 : 700;
        r.explain = new StringBuilder("why " + setlId);
        if (holder != null)
        {
            r.mulaidHolderPsnNo = holder;
            r.acctMulaidPay = 1_500;
        }
        return add(TestRequest.of("2207").msgid(msgid).person(psn).line("A001", 10_000, 1_500_000), r);
    }

    private void cancel(final String msgid, final String setlId, final SettlementRecord orig, final String time,
        final long balc)
    {
        final SettlementResult c = new SettlementResult();
        orig.negateInto(c);
        c.setlId = setlId;
        c.mdtrtId = null;
        c.origSetlId = orig.setlId();
        c.sign = -1;
        c.balc = balc;
        c.setlTime = time(time);
        add(TestRequest.of("2208").msgid(msgid).psn(orig.psnNo()).setlId(orig.setlId()), c);
    }

    private void refuse(final String msgid, final ErrorCode code, final String time)
    {
        add(TestRequest.of("2207").msgid(msgid).person("E1").medfee(2), refusal(code, time));
    }

    private void mdtrt(final String mdtrtId, final String time)
    {
        final SettlementResult r = refusal(ErrorCode.E1011, time);
        r.mdtrtId = mdtrtId;
        add(TestRequest.of("2207").person("R1"), r);
    }

    private static SettlementResult refusal(final ErrorCode code, final String time)
    {
        final SettlementResult r = new SettlementResult();
        r.refuse(code, "refused: " + code);
        r.setlTime = time(time);
        return r;
    }

    private SettlementRecord add(final TestRequest req, final SettlementResult res)
    {
        final SettlementRequest built = req.build();
        final SettlementRecord answer = SettlementRecord.of(built, res);
        steps.add(new Step(built, answer));
        return answer;
    }

    // ------------------------------------------------------------------ helpers

    private SettlementState fresh()
    {
        return new SettlementState(() -> ref, RETENTION, "", 16);
    }

    private long opening(final String psn)
    {
        return fresh().balanceOf(psn);
    }

    private SettlementState load(final SettlementState from) throws IOException
    {
        final SettlementState to = new SettlementState(() -> ref, from.retentionSec(), "", 16);
        read(to, write(from));
        return to;
    }

    private static byte[] write(final SettlementState s) throws IOException
    {
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf))
        {
            s.writeSnapshot(out);
        }
        return buf.toByteArray();
    }

    private static void read(final SettlementState s, final byte[] payload) throws IOException
    {
        final DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        s.readSnapshot(in);
        assertThat(in.read()).as("the reader consumed the whole section").isEqualTo(-1);
    }

    private static void assertSameState(final SettlementState a, final SettlementState b)
    {
        assertThat(b.digest()).isEqualTo(a.digest());
        assertThat(b.accountsDigest()).isEqualTo(a.accountsDigest());
        assertThat(b.personCount()).isEqualTo(a.personCount());
        assertThat(b.recordCount()).isEqualTo(a.recordCount());
        assertThat(b.answerCount()).isEqualTo(a.answerCount());
        assertThat(b.nextSetlId()).isEqualTo(a.nextSetlId());
        assertThat(b.nextMdtrtId()).isEqualTo(a.nextMdtrtId());
    }

    private static void assertSameYear(final YearAccumulators b, final YearAccumulators a)
    {
        assertThat(b.hash()).isEqualTo(a.hash());
        assertThat(b.nFundCount()).isEqualTo(a.nFundCount());
        for (final BenefitClass c : BenefitClass.values())
        {
            assertThat(b.dedUsed(c)).isEqualTo(a.dedUsed(c));
        }
        for (final CapGroup g : CapGroup.values())
        {
            assertThat(b.poolPaid(g)).isEqualTo(a.poolPaid(g));
        }
        assertThat(b.seriousTotal()).isEqualTo(a.seriousTotal());
        for (int i = 0; i < a.nFundCount(); i++)
        {
            assertThat(b.nFundCode(i)).isEqualTo(a.nFundCode(i));
            assertThat(b.nFundPaid(a.nFundCode(i))).isEqualTo(a.nFundPaid(a.nFundCode(i)));
        }
    }

    private static void assertSameRecord(final SettlementRecord b, final SettlementRecord a)
    {
        if (a == null)
        {
            assertThat(b).isNull();
            return;
        }
        assertThat(b).isNotNull();
        assertThat(b.hash()).isEqualTo(a.hash());
        assertThat(b.cancelled()).isEqualTo(a.cancelled());
        assertThat(b.infno()).isEqualTo(a.infno());
        assertThat(copy(b)).usingRecursiveComparison()
            .withEqualsForType((x, y) -> x.toString().contentEquals(y), StringBuilder.class).isEqualTo(copy(a));
    }

    private static SettlementResult copy(final SettlementRecord r)
    {
        final SettlementResult res = new SettlementResult();
        res.explain = new StringBuilder();
        r.copyTo(res);
        return res;
    }
}

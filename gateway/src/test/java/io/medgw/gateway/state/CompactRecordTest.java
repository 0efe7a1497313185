package io.medgw.gateway.state;

import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.TestRequest;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** What keeps a kept settlement small: packed amounts and shared strings must give back exactly what went in. */
final class CompactRecordTest
{
    @Test
    void shouldPackAndUnpackEveryLongIncludingTheExtremes()
    {
        final long[] values = { 0, 1, -1, 63, 64, -64, -65, 127, 128, 12_345_678, -12_345_678, Integer.MAX_VALUE,
            Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1 };
        final SplittableRandom rnd = new SplittableRandom(7);
        final PackedLongs p = new PackedLongs();
        final long[] all = new long[values.length + 1_000];
        for (int i = 0; i < all.length; i++)
        {
            all[i] = i < values.length ? values[i] : rnd.nextLong() >> rnd.nextInt(64);
            p.add(all[i]);
        }
        final PackedLongs.Cursor c = new PackedLongs.Cursor(p.toBytes());
        for (final long v : all)
        {
            assertThat(c.next()).isEqualTo(v);
        }
        assertThat(new PackedLongs().add(0).add(-1).add(63).toBytes()).hasSize(3); // small amounts: a byte each
    }

    @Test
    void shouldShareEqualValuesButKeepDifferentOnes()
    {
        final StringCanon canon = new StringCanon();
        final String[] a = canon.ofKeyed(new String[] { new String("P1"), new String("张三"), new String("01") });
        final String[] b = canon.ofKeyed(new String[] { new String("P1"), new String("张三"), new String("01") });
        final String[] c = canon.ofKeyed(new String[] { new String("P1"), new String("张三"), new String("02") });
        assertThat(b).isSameAs(a);
        assertThat(c).isNotSameAs(a).containsExactly("P1", "张三", "02");
        assertThat(c[1]).isSameAs(a[1]);
        assertThat(canon.ofFew(new String[] { "11", null })).isSameAs(canon.ofFew(new String[] { new String("11"), null }));
        assertThat(canon.of((String)null)).isNull();
    }

    @Test
    void shouldGiveBackEveryFieldOfTwoSettlementsOfOnePersonFromFreshStrings()
    {
        final SettlementState state = new SettlementState(() -> null, 3_600, "", 16);
        final SettlementResult first = result("S1", "11");
        final SettlementResult second = result("S2", "14");
        state.apply(TestRequest.of("2207").msgid("m1").build(), first);
        state.apply(TestRequest.of("2207").msgid("m2").build(), second);
        final SettlementResult back = new SettlementResult();
        state.record("S2").copyTo(back);
        assertThat(back.psnName).isEqualTo("李四").isSameAs(copied(state, "S1").psnName);
        assertThat(back.medType).isEqualTo("14");
        assertThat(copied(state, "S1").medType).isEqualTo("11");
        assertThat(back.hifpPay).isEqualTo(-7);
        assertThat(back.hospPartAmt).isEqualTo(Long.MAX_VALUE);
        assertThat(back.balc).isEqualTo(5_000);
        assertThat(back.fundRowCount).isEqualTo(2);
        assertThat(back.fundPayTypeName[1]).isEqualTo("个人账户");
        assertThat(back.fundInscpAmt[1]).isEqualTo(300);
        assertThat(back.seriousPaid).isEqualTo(42);
        assertThat(back.nFundCode[0]).isEqualTo("N1");
        assertThat(back.nFundPaid[0]).isEqualTo(9);
        assertThat(back.mulaidHolderPsnNo).isEqualTo("H1");
    }

    private static SettlementResult copied(final SettlementState state, final String setlId)
    {
        final SettlementResult r = new SettlementResult();
        state.record(setlId).copyTo(r);
        return r;
    }

    // fresh String instances each time, as a restart decodes them
    private static SettlementResult result(final String setlId, final String medType)
    {
        final SettlementResult r = new SettlementResult();
        r.setlId = setlId;
        r.sign = 1;
        r.setlTime = 1_000;
        r.accYear = 2026;
        r.psnNo = new String("P1");
        r.psnName = new String("李四");
        r.medType = new String(medType);
        r.hifpPay = -7;
        r.hospPartAmt = Long.MAX_VALUE;
        r.balc = 5_000;
        r.seriousPaid = 42;
        r.addFundRow(new String("310100"), new String("统筹"), 100, 200, 0);
        r.addFundRow(new String("ACCT"), new String("个人账户"), 3, 300, 0);
        r.nFundCount = 1;
        r.nFundCode[0] = new String("N1");
        r.nFundPaid[0] = 9;
        r.mulaidHolderPsnNo = new String("H1");
        return r;
    }
}

package io.medgw.gateway.it;

import io.medgw.codec.reply.ResponseReader;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.status.GatewayCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.medgw.gateway.it.WireChecks.assertIdentities;
import static io.medgw.gateway.it.WireChecks.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancellation (2208), 冲正 (2601) and idempotency (rules §7, §8) over real sockets: what the HIS
 * sees and what the ledger and the state keep.
 */
final class CancelAndResendIT
{
    @TempDir
    Path root;
    private ItGateway gw;
    private WireClient client;

    @BeforeEach
    void start() throws Exception
    {
        gw = new ItGateway(root).start();
        client = gw.client();
    }

    @AfterEach
    void stop() throws Exception
    {
        client.close();
        gw.close();
    }

    private ResponseReader post(final Bill bill) throws Exception
    {
        return client.post(bill.json()).envelope();
    }

    private Bill cancel(final String fixmedins, final String setlId)
    {
        return Bill.of(gw.clock, "2208", fixmedins).data("setl_id", setlId).data("psn_no", "E2");
    }

    @Test
    void shouldCancelTheSettlementAndRestoreEveryAccumulatorWhenTheInstitutionSends2208() throws Exception
    {
        final ResponseReader settled = post(Bills.tenLines(gw.clock));
        assertThat(settled.infcode()).as(settled.errMsg()).isZero();
        final String setlId = settled.setlId();

        final ResponseReader cancelled = post(cancel(TestRegion.H2, setlId));

        assertThat(cancelled.infcode()).as(cancelled.errMsg()).isZero();
        assertThat(cancelled.setlId()).isNotNull().isNotEqualTo(setlId);
        assertIdentities(cancelled, -1, "2208");
        final Map<String, Long> original = settled.setlinfoFen();
        for (final Map.Entry<String, Long> e : cancelled.setlinfoFen().entrySet())
        {
            if (!"balc".equals(e.getKey()))
            {
                assertThat(e.getValue()).as("cancelled " + e.getKey()).isEqualTo(-original.get(e.getKey()));
            }
        }
        assertThat(cancelled.fen("output.setlinfo.balc")).as("balance credited back").isEqualTo(30_000L);
        assertThat(cancelled.fen("output.setlinfo.acct_pay")).isEqualTo(-30_000L);
        assertThat(gw.ledgerSize()).isEqualTo(2);
        assertThat(gw.gateway().state().balanceOf("E2")).isEqualTo(30_000L);
        assertThat(gw.gateway().state().accountsDigest()).as("every accumulator back to untouched").isZero();

        assertRefused(post(cancel(TestRegion.H2, setlId)), "E4002", -2);
        assertRefused(post(cancel(TestRegion.H3, setlId)), "E4003", -2);
        assertRefused(post(cancel(TestRegion.H2, "S999999999999")), "E4001", -2);
        assertRefused(post(cancel(TestRegion.H2, cancelled.setlId())), "E4001", -2);
        assertThat(gw.ledgerSize()).as("refused cancellations write nothing").isEqualTo(2);

        final ResponseReader again = post(Bills.tenLines(gw.clock));
        assertThat(again.setlinfoFen()).as("the same bill settles as on a fresh year after the cancellation")
            .isEqualTo(original);
        assertThat(gw.ledgerSize()).isEqualTo(3);
    }

    @Test
    void shouldReverseTheSettlementByOmsgidWhenTheHisSends2601() throws Exception
    {
        // E1 at H3 (level 3), outpatient: 1,000.00 in-policy, deductible 500.00, pool 60% of 500.00 = 300.00,
        // personal 700.00 all from the account (balance 1,000.00 → 300.00)
        final Bill bill = Bill.settle(gw.clock, TestRegion.H3, "E1").line("A001", 50_000, 200_000_000);
        final ResponseReader settled = post(bill);
        assertThat(settled.infcode()).as(settled.errMsg()).isZero();
        assertThat(settled.fen("output.setlinfo.hifp_pay")).isEqualTo(30_000L);
        assertThat(settled.fen("output.setlinfo.acct_pay")).isEqualTo(70_000L);
        assertThat(gw.gateway().state().balanceOf("E1")).isEqualTo(30_000L);

        final ResponseReader reversed = post(Bill.of(gw.clock, "2601", TestRegion.H3).data("psn_no", "E1")
            .data("omsgid", bill.msgid()).data("oinfno", "2207"));

        assertThat(reversed.infcode()).as(reversed.errMsg()).isZero();
        assertThat(reversed.fen("output.setlinfo.acct_pay")).isEqualTo(-70_000L);
        assertThat(reversed.fen("output.setlinfo.hifp_pay")).isEqualTo(-30_000L);
        assertThat(gw.ledgerSize()).isEqualTo(2);
        assertThat(gw.gateway().state().balanceOf("E1")).isEqualTo(100_000L);
        assertThat(gw.gateway().state().accountsDigest()).isZero();

        assertRefused(post(Bill.of(gw.clock, "2601", TestRegion.H3).data("psn_no", "E1")
            .data("omsgid", bill.msgid()).data("oinfno", "2207")), "E4002", -2);
        final ResponseReader unknown = post(Bill.of(gw.clock, "2601", TestRegion.H3).data("psn_no", "E1")
            .data("omsgid", TestRegion.H3 + "202603020000009999").data("oinfno", "2207"));
        assertThat(unknown.infcode()).as("冲正 of a transaction that never took effect succeeds: " + unknown.errMsg()).isZero();
        assertThat(gw.ledgerSize()).as("and writes nothing").isEqualTo(2);

        final ResponseReader resent = post(bill);
        assertThat(resent.infcode()).isZero();
        assertThat(resent.setlId()).as("a re-send after the 冲正 still gets the first answer").isEqualTo(settled.setlId());
        assertThat(gw.ledgerSize()).isEqualTo(2);
        assertThat(gw.gateway().state().balanceOf("E1")).isEqualTo(100_000L);
    }

    @Test
    void shouldAnswerTheSameSettlementWithoutWritingWhenTheSameMsgidIsResent() throws Exception
    {
        final Bill bill = Bills.tenLines(gw.clock);
        final WireClient.Reply first = client.post(WireClient.CALL_SERVICE, WireClient.JSON, bill.bytes());
        assertThat(first.envelope().infcode()).isZero();

        final WireClient.Reply same = client.post(WireClient.CALL_SERVICE, WireClient.JSON, bill.bytes());
        final WireClient.Reply later = client.post(WireClient.CALL_SERVICE, WireClient.JSON,
            bill.infTime(gw.clock.infTime(30)).bytes());

        for (final WireClient.Reply r : new WireClient.Reply[] {same, later})
        {
            assertThat(r.envelope().infcode()).isZero();
            assertThat(WireChecks.node(r.envelope(), "setlinfo")).isEqualTo(WireChecks.node(first.envelope(), "setlinfo"));
            assertThat(WireChecks.node(r.envelope(), "setldetail")).isEqualTo(WireChecks.node(first.envelope(), "setldetail"));
            assertThat(setlinfoBytes(r)).as("setlinfo, byte for byte").isEqualTo(setlinfoBytes(first));
        }
        assertThat(same.envelope().infRefmsgid()).isNotEqualTo(first.envelope().infRefmsgid());
        assertThat(gw.ledgerSize()).as("a re-send writes nothing").isEqualTo(1);
        assertThat(gw.counter(GatewayCounter.IDEMPOTENT_REPLAYS)).isEqualTo(2);
        assertThat(gw.gateway().state().balanceOf("E2")).isZero();
    }

    /**
     * Rules §8: a re-send "returns the first answer". The whole output section, per-line results
     * ({@code detlcutinfo}) included, must be the same bytes.
     */
    @Test
    void shouldRepeatTheWholeOutputSectionByteForByteWhenTheSameMsgidIsResent() throws Exception
    {
        final Bill bill = Bills.tenLines(gw.clock);
        final WireClient.Reply first = client.post(WireClient.CALL_SERVICE, WireClient.JSON, bill.bytes());
        final WireClient.Reply same = client.post(WireClient.CALL_SERVICE, WireClient.JSON, bill.bytes());

        assertThat(WireChecks.node(same.envelope(), "detlcutinfo")).as("detlcutinfo of the re-send")
            .isEqualTo(WireChecks.node(first.envelope(), "detlcutinfo"));
        assertThat(same.outputSection()).as("the whole output section, byte for byte").isEqualTo(first.outputSection());
    }

    private static String setlinfoBytes(final WireClient.Reply r)
    {
        final String out = r.outputSection();
        return out.substring(0, out.indexOf("\"setldetail\""));
    }

    @Test
    void shouldAnswerTheFirstRefusalAgainWhenARefusedMsgidIsResent() throws Exception
    {
        final Bill bill = Bill.settle(gw.clock, TestRegion.H3, "E1").line("ZZ999", 10_000, 1_000_000);
        final ResponseReader first = post(bill);
        assertRefused(first, "E2003", -2);
        final ResponseReader again = post(bill);
        assertThat(again.errMsg()).isEqualTo(first.errMsg());
        assertThat(gw.ledgerSize()).isZero();
    }

    @Test
    void shouldRefuseE3001AndChangeNothingWhenAMsgidIsReusedWithAnotherBody() throws Exception
    {
        final Bill bill = Bills.tenLines(gw.clock);
        final ResponseReader first = post(bill);
        assertThat(first.infcode()).isZero();
        final long digest = gw.gateway().state().digest();

        final Bill other = Bills.tenLines(gw.clock).msgid(bill.msgid()).line("A001", 10_000, 1_000_000);
        final ResponseReader reused = post(other);

        assertRefused(reused, "E3001", -2);
        assertThat(reused.errMsg()).contains(bill.msgid());
        assertThat(gw.ledgerSize()).isEqualTo(1);
        assertThat(gw.gateway().state().digest()).as("nothing changed").isEqualTo(digest);
        assertThat(post(bill).setlId()).as("the original is still answered").isEqualTo(first.setlId());
    }
}

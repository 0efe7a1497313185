package io.medgw.gateway.it;

import io.medgw.gateway.config.PipelineIdleStrategy;

import io.medgw.codec.reply.ResponseReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import static io.medgw.gateway.it.WireChecks.assertIdentities;
import static io.medgw.gateway.it.WireChecks.assertSameAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Settlement over real sockets: HTTP → Netty → Disruptor (settle → journal → reply) → Chronicle
 * ledger in a temp directory → HTTP answer, compared with the offline engine over the same
 * reference-data files ({@link OfflineEngine}).
 */
final class SettlementOverWireIT
{
    @TempDir
    Path root;
    private ItGateway gw;

    @BeforeEach
    void start() throws Exception
    {
        gw = new ItGateway(root).start();
    }

    @AfterEach
    void stop()
    {
        gw.close();
    }

    /**
     * E2 (310, psn_type 1201, civil servant, balance 300.00) at H2 (level 2), med_type 11, a fresh
     * year. Lines (see {@link Bills#tenLines}): in-policy 600.00 + 90.00 + 100.00 + 30.00 + 24.00 +
     * 6.17 = 850.17; 全自费 50.00 + 80.00 + 40.00 + 25.00 = 195.00; over the cap 20.00; 先行自付
     * 10.00 + 6.00 = 16.00; total 1,081.17.
     * Deductible 500.00 (annual, fresh) → base 350.17; pool 80% (70% + 10 points for 1201):
     * pct(350.17, 8000) = 280.14; civil 50% of 850.17 − 280.14 = 570.03 → 285.02; funds 565.16;
     * personal 516.01 = account 300.00 (all of it) + cash 216.01; balance 0.00.
     */
    @Test
    void shouldSettleTenLinesLikeTheOfflineEngineWhenPostedOverHttp() throws Exception
    {
        final Bill bill = Bills.tenLines(gw.clock);
        final WireClient.Reply reply;
        try (WireClient c = gw.client())
        {
            reply = c.post(bill.json());
        }
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().get("content-type")).startsWith("application/json");
        final ResponseReader wire = reply.envelope();
        assertThat(wire.infcode()).as(wire.errMsg()).isZero();
        assertThat(wire.isNumber("infcode")).isTrue();
        assertThat(wire.infRefmsgid()).hasSize(30).startsWith("320100");

        final ResponseReader offline = new OfflineEngine(gw.dataDir).answer(bill.bytes());
        assertSameAnswer(wire, offline, "ten-line bill");
        assertIdentities(wire, 1, "ten-line bill");

        final Map<String, Long> s = wire.setlinfoFen();
        assertThat(s).contains(
            entry("medfee_sumamt", 108_117L), entry("fulamt_ownpay_amt", 19_500L), entry("overlmt_selfpay", 2_000L),
            entry("preselfpay_amt", 1_600L), entry("inscp_scp_amt", 85_017L), entry("act_pay_dedc", 50_000L),
            entry("hifp_pay", 28_014L), entry("cvlserv_pay", 28_502L), entry("hifob_pay", 0L), entry("hifmi_pay", 0L),
            entry("maf_pay", 0L), entry("oth_pay", 0L), entry("fund_pay_sumamt", 56_516L), entry("psn_part_amt", 51_601L),
            entry("acct_pay", 30_000L), entry("acct_mulaid_pay", 0L), entry("psn_cash_pay", 21_601L), entry("balc", 0L));
        assertThat(wire.text("output.setlinfo.pool_prop_selfpay")).isEqualTo("0.8000");
        assertThat(wire.text("output.setlinfo.medins_setl_id")).isEqualTo(bill.msgid());
        assertThat(wire.setlId()).isNotNull();
        assertThat(wire.size("output.setldetail")).isEqualTo(3);
        assertThat(wire.text("output.setldetail[0].fund_pay_type")).isEqualTo("310100");
        assertThat(wire.fen("output.setldetail[0].fund_payamt")).isEqualTo(28_014L);
        assertThat(wire.text("output.setldetail[1].fund_pay_type")).isEqualTo("320100");
        assertThat(wire.fen("output.setldetail[1].fund_payamt")).isEqualTo(28_502L);
        assertThat(wire.text("output.setldetail[2].fund_pay_type")).isEqualTo(WireChecks.ACCOUNT_ROW);
        assertThat(wire.fen("output.setldetail[2].fund_payamt")).isEqualTo(30_000L);
        assertThat(wire.size("output.detlcutinfo")).isEqualTo(10);
        assertThat(wire.fen("output.detlcutinfo[3].overlmt_amt")).isEqualTo(2_000L);
        assertThat(wire.fen("output.detlcutinfo[4].fulamt_ownpay_amt")).isEqualTo(8_000L);
        assertThat(wire.fen("output.detlcutinfo[9].det_item_fee_sumamt")).isEqualTo(617L);

        assertThat(gw.ledgerSize()).as("one ledger record").isEqualTo(1);
        assertThat(gw.gateway().state().balanceOf("E2")).isZero();
    }

    /**
     * Property: a random sequence of 50 2207s (-Dit.bills=N for more) (every person, institution and med_type of the test region;
     * refusals of every stage mixed in) answered over the wire equals a fresh offline engine fed the
     * same sequence, answer by answer, and the two states end equal.
     */
    @Test
    void shouldAnswerRandomBillsLikeAFreshOfflineEngineWhenFedTheSameSequence() throws Exception
    {
        assertRandomBillsMatchTheOfflineEngine();
    }

    /** The same property with every wait of the low-latency profile: parked stage, busy-polling threads. */
    @Test
    void shouldAnswerRandomBillsLikeAFreshOfflineEngineWithParkingStageAndBusyPolling() throws Exception
    {
        gw.close();
        gw = new ItGateway(root.resolve("low-latency")).start(ctx -> ctx
            .pipelineIdleStrategy(PipelineIdleStrategy.PARKING).pipelineBusyPollUs(200).ioBusyPollUs(100));
        assertRandomBillsMatchTheOfflineEngine();
    }

    private void assertRandomBillsMatchTheOfflineEngine() throws Exception
    {
        final long seed = Long.getLong("it.seed", System.nanoTime());
        System.out.println("SettlementOverWireIT random bills: seed " + seed + " (rerun with -Dit.seed=" + seed + ")");
        final SplittableRandom rnd = new SplittableRandom(seed);
        final OfflineEngine offline = new OfflineEngine(gw.dataDir);
        int settled = 0;
        try (WireClient c = gw.client())
        {
            for (int i = 0, n = Integer.getInteger("it.bills", 50); i < n; i++)
            {
                final Bill bill = Bills.random(gw.clock, rnd);
                final ResponseReader wire = c.post(bill.json()).envelope();
                final ResponseReader expected = offline.answer(bill.bytes());
                final String what = "seed " + seed + ", bill " + i + " " + bill;
                assertSameAnswer(wire, expected, what);
                if (wire.infcode() == 0)
                {
                    assertIdentities(wire, 1, what);
                    settled++;
                }
            }
        }
        System.out.println("SettlementOverWireIT random bills: seed " + seed + ", " + settled + " settled");
        assertThat(settled).as("seed " + seed + ": bills settled (the mix must exercise the split)").isGreaterThanOrEqualTo(5);
        assertThat(gw.ledgerSize()).as("seed " + seed + ": one ledger record per settlement").isEqualTo(settled);
        assertThat(gw.gateway().state().accountsDigest()).as("seed " + seed + ": accounts and accumulators")
            .isEqualTo(offline.state().accountsDigest());
        assertThat(gw.gateway().state().digest()).as("seed " + seed + ": whole state").isEqualTo(offline.state().digest());
    }
}

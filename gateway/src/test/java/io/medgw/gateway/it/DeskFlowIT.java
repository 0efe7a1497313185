package io.medgw.gateway.it;

import io.medgw.codec.Dates;
import io.medgw.codec.reply.ResponseReader;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.visit.TransactionDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.medgw.gateway.it.WireChecks.assertIdentities;
import static io.medgw.gateway.it.WireChecks.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Whole HIS workflows over real sockets with the full transaction desk: sign-in (E1023), an
 * outpatient visit, a pharmacy sale, an inpatient stay, and a restart in the middle of it all.
 */
final class DeskFlowIT
{
    @TempDir
    Path root;
    private final AtomicReference<TransactionDesk> desk = new AtomicReference<>();
    private ItGateway gw;
    private WireClient client;

    @BeforeEach
    void start() throws Exception
    {
        gw = new ItGateway(root).start(ctx -> { }, ItGateway.fullDesk(desk));
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

    private ResponseReader ok(final Bill bill) throws Exception
    {
        final ResponseReader r = post(bill);
        assertThat(r.infcode()).as(bill + " → " + r.errMsg()).isZero();
        return r;
    }

    private String signIn(final String fixmedins) throws Exception
    {
        final ResponseReader r = ok(Bill.of(gw.clock, "9001", fixmedins).data("opter_no", "OP1")
            .data("mac", "00-1A-2B-3C-4D-5E").data("ip", "10.1.2.3"));
        final long signTime = Dates.parseDateTime(r.text("output.signinoutb.sign_time"));
        assertThat(Math.abs(signTime - gw.clock.nowLocalSec())).as("sign_time is the gateway's clock").isLessThanOrEqualTo(5);
        return r.text("output.signinoutb.sign_no");
    }

    private Bill outpatientSettle(final String infno, final String mdtrtId)
    {
        return Bill.of(gw.clock, infno, TestRegion.H3).person("E1").data("mdtrt_id", mdtrtId).data("chrg_bchno", "B1")
            .medType("11").data("insutype", "310").data("psn_setlway", "01").acct(true).medfee(70_000);
    }

    @Test
    void shouldRefuseE1023UntilTheInstitutionSignsInAndAfterItSignsOut() throws Exception
    {
        final Bill bill = Bill.settle(gw.clock, TestRegion.H3, "E1").line("A001", 10_000, 10_000_000);
        assertRefused(post(bill), "E1023", -2);

        final String signNo = signIn(TestRegion.H3);
        assertThat(signNo).startsWith("G");
        ok(Bill.settle(gw.clock, TestRegion.H3, "E1").line("A001", 10_000, 10_000_000));
        assertRefused(post(Bill.settle(gw.clock, TestRegion.H2, "E1").line("A001", 10_000, 10_000_000)), "E1023", -2);

        ok(Bill.of(gw.clock, "9002", TestRegion.H3).data("opter_no", "OP1").data("sign_no", signNo));
        assertRefused(post(Bill.settle(gw.clock, TestRegion.H3, "E1").line("A001", 10_000, 10_000_000)), "E1023", -2);
        assertRefused(post(Bill.of(gw.clock, "9002", TestRegion.H3).data("opter_no", "OP1").data("sign_no", signNo)),
            "E5008", -2);
        assertThat(gw.moneyRecords()).isEqualTo(1);
    }

    /**
     * E1 (310, balance 1,000.00) at H3 (level 3), outpatient: A001 2 × 300.00 + B001 (乙 10%) 100.00.
     * In-policy 690.00, 先行自付 10.00, deductible 500.00, pool 60% of 190.00 = 114.00, personal
     * 586.00 from the account (balance 414.00).
     */
    @Test
    void shouldSettleAWholeOutpatientVisitWhenTheHisRegistersUploadsAndSettles() throws Exception
    {
        signIn(TestRegion.H3);
        final ResponseReader person = ok(Bill.of(gw.clock, "1101", TestRegion.H3).data("mdtrt_cert_type", "03")
            .data("mdtrt_cert_no", "CARDE1").data("psn_cert_type", "01"));
        assertThat(person.text("output.baseinfo.psn_no")).isEqualTo("E1");
        assertThat(person.fen("output.insuinfo[0].balc")).isEqualTo(100_000L);

        final ResponseReader reg = ok(Bill.of(gw.clock, "2201", TestRegion.H3).person("E1").data("insutype", "310")
            .data("begntime", gw.clock.infTime()).data("ipt_otp_no", "MZ0001").data("atddr_no", "D001")
            .data("dr_name", "王医生").data("dept_code", "K01").data("dept_name", "内科").data("caty", "A03"));
        final String mdtrtId = reg.text("output.data.mdtrt_id");
        assertThat(mdtrtId).startsWith("M");
        assertThat(reg.text("output.data.ipt_otp_no")).isEqualTo("MZ0001");

        final ResponseReader upload = ok(Bill.of(gw.clock, "2204", TestRegion.H3)
            .line("A001", 20_000, 300_000_000).line("B001", 10_000, 100_000_000)
            .eachLine("mdtrt_id", mdtrtId).eachLine("psn_no", "E1").eachLine("chrg_bchno", "B1")
            .eachLine("fee_ocur_time", gw.clock.infTime()));
        assertThat(upload.size("output.result")).isEqualTo(2);
        assertThat(upload.fen("output.result[0].inscp_scp_amt")).isEqualTo(60_000L);
        assertThat(upload.fen("output.result[1].preselfpay_amt")).isEqualTo(1_000L);
        assertThat(upload.text("output.result[1].chrgitm_lv")).isEqualTo("02");

        final ResponseReader pre = ok(outpatientSettle("2206", mdtrtId));
        assertThat(pre.setlId()).as("a pre-settlement has no setl_id").isNull();
        final ResponseReader settled = ok(outpatientSettle("2207", mdtrtId));
        assertIdentities(settled, 1, "2207 of the visit");
        final Map<String, Long> amounts = settled.setlinfoFen();
        assertThat(amounts).contains(entry("medfee_sumamt", 70_000L), entry("preselfpay_amt", 1_000L),
            entry("inscp_scp_amt", 69_000L), entry("act_pay_dedc", 50_000L), entry("hifp_pay", 11_400L),
            entry("fund_pay_sumamt", 11_400L), entry("acct_pay", 58_600L), entry("psn_cash_pay", 0L), entry("balc", 41_400L));
        assertThat(pre.setlinfoFen()).as("the pre-settlement computed the same").isEqualTo(amounts);
        assertThat(settled.text("output.setlinfo.mdtrt_id")).isEqualTo(mdtrtId);
        assertThat(settled.size("output.detlcutinfo")).isEqualTo(2);
        final ResponseReader inline = new OfflineEngine(gw.dataDir).answer(Bill.settle(gw.clock, TestRegion.H3, "E1")
            .line("A001", 20_000, 300_000_000).line("B001", 10_000, 100_000_000).bytes());
        assertThat(inline.setlinfoFen()).as("the same lines settled inline, offline").isEqualTo(amounts);

        final String setlId = settled.setlId();
        final ResponseReader query = ok(Bill.of(gw.clock, "5203", TestRegion.H3).data("psn_no", "E1").data("setl_id", setlId)
            .data("mdtrt_id", mdtrtId));
        assertThat(query.setlinfoFen()).containsAllEntriesOf(amounts);
        final ResponseReader lines = ok(Bill.of(gw.clock, "5204", TestRegion.H3).data("psn_no", "E1").data("setl_id", setlId)
            .data("mdtrt_id", mdtrtId));
        assertThat(lines.size("output.feedetail")).isEqualTo(2);
        assertThat(lines.fen("output.feedetail[1].inscp_scp_amt")).isEqualTo(9_000L);
        final String today = gw.clock.infTime().substring(0, 10);
        final ResponseReader stmt = ok(Bill.of(gw.clock, "3201", TestRegion.H3).data("insutype", "310").data("clr_type", "11")
            .data("setl_optins", TestRegion.LOCAL).data("stmt_begndate", today).data("stmt_enddate", today)
            .dataRaw("medfee_sumamt", "700.00").dataRaw("fund_pay_sumamt", "114.00").dataRaw("acct_pay", "586.00")
            .dataRaw("fixmedins_setl_cnt", "1").data("refd_setl_flag", "0"));
        assertThat(stmt.text("output.stmtinfo.stmt_rslt")).as(stmt.text("output.stmtinfo.stmt_rslt_dscr")).isEqualTo("0");

        assertRefused(post(outpatientSettle("2207", mdtrtId)), "E5008", -2);
        final ResponseReader cancelled = ok(Bill.of(gw.clock, "2208", TestRegion.H3).data("setl_id", setlId)
            .data("mdtrt_id", mdtrtId).data("psn_no", "E1"));
        assertIdentities(cancelled, -1, "2208 of the visit");
        assertThat(cancelled.fen("output.setlinfo.hifp_pay")).isEqualTo(-11_400L);
        assertThat(cancelled.fen("output.setlinfo.balc")).isEqualTo(100_000L);
        assertThat(gw.gateway().state().balanceOf("E1")).isEqualTo(100_000L);

        final ResponseReader again = ok(outpatientSettle("2207", mdtrtId));
        assertThat(again.setlinfoFen()).as("the visit's lines are settled anew after the 2208").isEqualTo(amounts);
        assertThat(gw.moneyRecords()).isEqualTo(3);
    }

    /**
     * E1 at pharmacy PH (level 0, not dual-channel), med_type 41: A001 3 × 20.00 in-policy; G001 is a
     * dual-channel drug, 全自费 at this pharmacy. The pharmacy cell pays 0%: 90.00 all from the account.
     */
    @Test
    void shouldSettleAPharmacySaleWhenThePosPreSettlesThenSettles() throws Exception
    {
        signIn(TestRegion.PH);
        final ResponseReader pre = ok(sale("2101"));
        assertThat(pre.setlId()).isNull();
        assertThat(gw.gateway().state().balanceOf("E1")).as("a pre-settlement debits nothing").isEqualTo(100_000L);

        final ResponseReader sold = ok(sale("2102"));
        assertIdentities(sold, 1, "2102");
        assertThat(sold.setlinfoFen()).contains(entry("medfee_sumamt", 9_000L), entry("fulamt_ownpay_amt", 3_000L),
            entry("inscp_scp_amt", 6_000L), entry("hifp_pay", 0L), entry("fund_pay_sumamt", 0L), entry("acct_pay", 9_000L),
            entry("balc", 91_000L));
        assertThat(pre.setlinfoFen()).isEqualTo(sold.setlinfoFen());
        assertThat(sold.text("output.detlcutinfo[1].memo")).isNotNull();
        assertThat(gw.gateway().state().balanceOf("E1")).isEqualTo(91_000L);

        final ResponseReader refund = ok(Bill.of(gw.clock, "2103", TestRegion.PH).data("setl_id", sold.setlId())
            .data("psn_no", "E1"));
        assertThat(refund.fen("output.setlinfo.acct_pay")).isEqualTo(-9_000L);
        assertThat(gw.gateway().state().balanceOf("E1")).isEqualTo(100_000L);
        assertThat(gw.moneyRecords()).isEqualTo(2);
    }

    private Bill sale(final String infno)
    {
        return Bill.of(gw.clock, infno, TestRegion.PH).person("E1").medType("41").data("insutype", "310").acct(true)
            .line("A001", 30_000, 20_000_000).line("G001", 10_000, 30_000_000);
    }

    /**
     * E1 at H2 (level 2), inpatient: A001 10 × 500.00 + B001 (乙 10%) 2 × 1,000.00. In-policy
     * 6,800.00, deductible 600.00 per stay, pool 85% of 6,200.00 = 5,270.00, personal 1,730.00 =
     * account 1,000.00 + cash 730.00.
     */
    @Test
    void shouldSettleAnInpatientStayWhenTheHisAdmitsUploadsSettlesAndDischarges() throws Exception
    {
        signIn(TestRegion.H2);
        final ResponseReader admitted = ok(Bill.of(gw.clock, "2401", TestRegion.H2).person("E1").data("insutype", "310")
            .data("begntime", gw.clock.infTime()).medType("21").data("ipt_no", "ZY0001").data("atddr_no", "D001")
            .data("chfpdr_name", "王医生").data("adm_dept_codg", "K02").data("adm_dept_name", "外科")
            .data("dise_codg", "I10"));
        final String mdtrtId = admitted.text("output.result.mdtrt_id");
        assertThat(mdtrtId).startsWith("M");

        final ResponseReader fees = ok(Bill.of(gw.clock, "2301", TestRegion.H2)
            .line("A001", 100_000, 500_000_000).line("B001", 20_000, 1_000_000_000)
            .eachLine("mdtrt_id", mdtrtId).eachLine("psn_no", "E1").eachLine("chrg_bchno", "D1")
            .eachLine("fee_ocur_time", gw.clock.infTime()));
        assertThat(fees.size("output.result")).isEqualTo(2);

        final ResponseReader pre = ok(stay("2303", mdtrtId));
        final ResponseReader settled = ok(stay("2304", mdtrtId));
        assertIdentities(settled, 1, "2304");
        final Map<String, Long> amounts = settled.setlinfoFen();
        assertThat(amounts).contains(entry("medfee_sumamt", 700_000L), entry("preselfpay_amt", 20_000L),
            entry("inscp_scp_amt", 680_000L), entry("act_pay_dedc", 60_000L), entry("hifp_pay", 527_000L),
            entry("fund_pay_sumamt", 527_000L), entry("psn_part_amt", 173_000L), entry("acct_pay", 100_000L),
            entry("psn_cash_pay", 73_000L), entry("balc", 0L));
        assertThat(pre.setlinfoFen()).isEqualTo(amounts);
        assertThat(settled.text("output.setlinfo.clr_type")).isEqualTo("21");
        final ResponseReader inline = new OfflineEngine(gw.dataDir).answer(Bill.of(gw.clock, "2304", TestRegion.H2)
            .person("E1").medType("21").acct(true).line("A001", 100_000, 500_000_000).line("B001", 20_000, 1_000_000_000)
            .bytes());
        assertThat(inline.setlinfoFen()).as("the same lines settled inline, offline").isEqualTo(amounts);

        ok(Bill.of(gw.clock, "2402", TestRegion.H2).node("dscginfo").data("mdtrt_id", mdtrtId).data("psn_no", "E1")
            .data("endtime", gw.clock.infTime()).data("dise_codg", "I10"));
        assertRefused(post(Bill.of(gw.clock, "2301", TestRegion.H2).line("A001", 10_000, 10_000_000)
            .eachLine("mdtrt_id", mdtrtId).eachLine("psn_no", "E1").eachLine("chrg_bchno", "D2")), "E5008", -2);
        assertThat(gw.moneyRecords()).isEqualTo(1);
    }

    private Bill stay(final String infno, final String mdtrtId)
    {
        return Bill.of(gw.clock, infno, TestRegion.H2).person("E1").data("mdtrt_id", mdtrtId).data("insutype", "310")
            .acct(true).medfee(700_000);
    }

    @ParameterizedTest(name = "from a snapshot: {0}")
    @ValueSource(booleans = {true, false})
    void shouldKeepSignInsVisitsAndFilesWhenRestartedOnTheSameLedger(final boolean fromSnapshot) throws Exception
    {
        signIn(TestRegion.H3);
        final Bill registration = Bill.of(gw.clock, "2201", TestRegion.H3).person("E2").data("insutype", "310")
            .data("begntime", gw.clock.infTime()).data("ipt_otp_no", "MZ0002");
        final String mdtrtId = ok(registration).text("output.data.mdtrt_id");
        ok(Bill.of(gw.clock, "2204", TestRegion.H3).line("A001", 10_000, 50_000_000).line("C001", 10_000, 20_000_000)
            .eachLine("mdtrt_id", mdtrtId).eachLine("psn_no", "E2").eachLine("chrg_bchno", "B1"));
        ok(Bill.of(gw.clock, "2204", TestRegion.H3).serials("G").line("B001", 10_000, 40_000_000)
            .eachLine("mdtrt_id", mdtrtId).eachLine("psn_no", "E2").eachLine("chrg_bchno", "B2"));
        final ResponseReader first = ok(Bill.of(gw.clock, "2207", TestRegion.H3).person("E2").data("mdtrt_id", mdtrtId)
            .data("chrg_bchno", "B1").medType("11").acct(true));
        final byte[] file = "S000000000001\tM000000000001\tE2\t70.00\t0.00\t70.00\t0\n".getBytes(StandardCharsets.UTF_8);
        final String fileNo = ok(Bill.of(gw.clock, "9101", TestRegion.H3)
            .data("in", Base64.getEncoder().encodeToString(file)).data("filename", "detail.txt")
            .data("fixmedins_code", TestRegion.H3)).text("output.file_qury_no");
        final long deskDigest = desk.get().digest();
        final long stateDigest = gw.gateway().state().digest();
        final long records = gw.ledgerSize();
        client.close();
        gw.stop(); // writes a snapshot of the final state
        if (!fromSnapshot)
        {
            ItGateway.deleteSnapshots(root);
        }

        gw.start(ctx -> { }, ItGateway.fullDesk(desk));
        client = gw.client();

        assertThat(gw.gateway().restoredFrom() != null).as("restored from the stop's snapshot").isEqualTo(fromSnapshot);
        assertThat(gw.gateway().rebuiltRecords()).as("ledger records replayed").isEqualTo(fromSnapshot ? 0 : records);
        assertThat(desk.get().digest()).as("sign-ins, visits, files and re-send answers rebuilt").isEqualTo(deskDigest);
        final long stateDigestAfterRestart = gw.gateway().state().digest();
        assertThat(ok(registration).text("output.data.mdtrt_id")).as("a re-sent 2201 gets its first answer").isEqualTo(mdtrtId);
        final WireClient.Reply download = client.post(Bill.of(gw.clock, "9102", TestRegion.H3).data("file_qury_no", fileNo)
            .data("filename", "detail.txt").data("fixmedins_code", TestRegion.H3).json());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.headers().get("content-type")).as("9102 answers the raw file").isEqualTo("application/zip");
        assertThat(download.body()).as("the uploaded file survives the restart").isEqualTo(file);
        assertRefused(post(Bill.of(gw.clock, "2207", TestRegion.H3).person("E2").data("mdtrt_id", mdtrtId)
            .data("chrg_bchno", "B1").medType("11").acct(true)), "E5008", -2);
        final ResponseReader second = ok(Bill.of(gw.clock, "2207", TestRegion.H3).person("E2").data("mdtrt_id", mdtrtId)
            .data("chrg_bchno", "B2").medType("11").acct(true));
        assertThat(second.fen("output.setlinfo.medfee_sumamt")).as("only batch B2 is left unsettled").isEqualTo(4_000L);
        assertThat(first.fen("output.setlinfo.medfee_sumamt")).isEqualTo(7_000L);
        assertThat(gw.ledgerSize()).isEqualTo(records + 1);
        assertThat(stateDigestAfterRestart).as("the settlement state rebuilt from a ledger with desk records")
            .isEqualTo(stateDigest);
    }

    /**
     * Rules §8: a request is identified by (fixmedins_code, msgid) whatever its transaction; the same
     * msgid with another body is E3001. The desk refuses a desk transaction that reuses a
     * settlement's msgid; a settlement that reuses a desk transaction's msgid must be refused too.
     */
    @Test
    void shouldRefuseE3001WhenASettlementReusesTheMsgidOfADeskTransaction() throws Exception
    {
        final Bill signIn = Bill.of(gw.clock, "9001", TestRegion.H3).data("opter_no", "OP1");
        ok(signIn);
        final Bill settle = Bill.settle(gw.clock, TestRegion.H3, "E1").line("A001", 10_000, 10_000_000);
        ok(settle);

        assertRefused(post(Bill.of(gw.clock, "9001", TestRegion.H3).msgid(settle.msgid()).data("opter_no", "OP2")),
            "E3001", -2);
        assertRefused(post(Bill.settle(gw.clock, TestRegion.H3, "E1").msgid(signIn.msgid()).line("A001", 10_000, 10_000_000)),
            "E3001", -2);
        assertThat(gw.moneyRecords()).isEqualTo(1);
    }
}

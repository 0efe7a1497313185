package io.medgw.gateway.visit;

import io.medgw.codec.ErrorCode;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.pricing.CataloguePricingHandler;
import io.medgw.gateway.visit.DeskFixture.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.medgw.gateway.visit.DeskFixture.data;
import static io.medgw.gateway.visit.DeskFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole outpatient visit of E1 (310, balance 1,000.00) at H3 (level 3: outpatient deductible
 * 500.00, pool 60%): 1101 → 2201 → 2204 → 2206 → 2207 (lines from the visit) → 2208, and the
 * refusals of the visit flow.
 */
final class OutpatientVisitTest
{
    private static final String M1 = "M000000000001";
    private final DeskFixture f = new DeskFixture();

    @BeforeEach
    void signIn()
    {
        assertThat(f.signIn().error()).isEqualTo(ErrorCode.NONE);
    }

    private Reply uploadBill(final String mdtrtId)
    {
        return f.upload("2204",
            line(mdtrtId, "E1", "F1", "B1", "A001", "2", "300.00", "600.00"),
            line(mdtrtId, "E1", "F2", "B1", "B001", "1", "200.000000", "200.00"),
            line(mdtrtId, "E1", "F3", "B1", "C001", "1", "50", "50.00"));
    }

    @Test
    void shouldSettleAWholeVisitFromItsUploadedLinesAndCancelIt()
    {
        final Reply who = f.send("1101", data("\"mdtrt_cert_type\":\"03\",\"mdtrt_cert_no\":\"CARDE1\",\"psn_cert_type\":\"01\""));
        assertThat(who.text("output.baseinfo.psn_no")).isEqualTo("E1");
        assertThat(who.json().fen("output.insuinfo[0].balc")).isEqualTo(100_000);

        final Reply reg = f.register("E1", "MZ0001");
        assertThat(reg.error()).isEqualTo(ErrorCode.NONE);
        assertThat(reg.journaled).isTrue();
        assertThat(reg.text("output.data.mdtrt_id")).isEqualTo(M1);
        assertThat(reg.text("output.data.psn_no")).isEqualTo("E1");
        assertThat(reg.text("output.data.ipt_otp_no")).isEqualTo("MZ0001");

        final Reply up = uploadBill(M1);
        assertThat(up.error()).isEqualTo(ErrorCode.NONE);
        assertThat(up.json().size("output.result")).isEqualTo(3);
        assertThat(up.text("output.result[0].feedetl_sn")).isEqualTo("F1");
        assertThat(up.json().fen("output.result[0].inscp_scp_amt")).isEqualTo(60_000);
        assertThat(up.text("output.result[0].chrgitm_lv")).isEqualTo("01");
        assertThat(up.json().fen("output.result[1].preselfpay_amt")).isEqualTo(2_000);
        assertThat(up.json().fen("output.result[1].inscp_scp_amt")).isEqualTo(18_000);
        assertThat(up.text("output.result[1].selfpay_prop")).isEqualTo("0.1000");
        assertThat(up.json().fen("output.result[2].fulamt_ownpay_amt")).isEqualTo(5_000);
        assertThat(up.text("output.result[2].memo")).isEqualTo(CataloguePricingHandler.REASON_CLASS_C);
        assertThat(f.desk.visits().visit(M1).unsettledCount()).isEqualTo(3);

        final Reply pre = f.settle("2206", "E1", M1, "11", "1", ",\"chrg_bchno\":\"B1\",\"medfee_sumamt\":850.00");
        assertThat(pre.error()).isEqualTo(ErrorCode.NONE);
        assertThat(pre.request().lineCount()).isEqualTo(3);
        assertThat(pre.json().fen("output.setlinfo.medfee_sumamt")).isEqualTo(85_000);
        assertThat(pre.json().fen("output.setlinfo.hifp_pay")).isEqualTo(16_800);
        assertThat(pre.text("output.setlinfo.setl_id")).isNull();
        assertThat(f.state().balanceOf("E1")).isEqualTo(100_000);

        final Reply s = f.settle("2207", "E1", M1, "11", "1", ",\"chrg_bchno\":\"B1\",\"medfee_sumamt\":850.00," +
            "\"fulamt_ownpay_amt\":50.00,\"overlmt_selfpay\":0,\"preselfpay_amt\":20.00,\"inscp_scp_amt\":780.00");
        assertThat(s.error()).isEqualTo(ErrorCode.NONE);
        assertThat(s.json().setlinfoFen()).containsEntry("medfee_sumamt", 85_000L).containsEntry("fulamt_ownpay_amt", 5_000L)
            .containsEntry("preselfpay_amt", 2_000L).containsEntry("inscp_scp_amt", 78_000L)
            .containsEntry("act_pay_dedc", 50_000L).containsEntry("hifp_pay", 16_800L)
            .containsEntry("fund_pay_sumamt", 16_800L).containsEntry("psn_part_amt", 68_200L)
            .containsEntry("acct_pay", 68_200L).containsEntry("psn_cash_pay", 0L).containsEntry("balc", 31_800L);
        assertThat(s.text("output.setlinfo.setl_id")).isEqualTo("S000000000001");
        assertThat(s.text("output.setlinfo.mdtrt_id")).isEqualTo(M1);
        final Visit v = f.desk.visits().visit(M1);
        assertThat(v.unsettledCount()).isZero();
        assertThat(v.line("F2").setlId()).isEqualTo("S000000000001");
        assertThat(v.liveSettlements()).isEqualTo(1);

        final Reply c = f.cancel("2208", "E1", M1, "S000000000001");
        assertThat(c.error()).isEqualTo(ErrorCode.NONE);
        assertThat(c.json().fen("output.setlinfo.medfee_sumamt")).isEqualTo(-85_000);
        assertThat(c.json().fen("output.setlinfo.hifp_pay")).isEqualTo(-16_800);
        assertThat(c.json().fen("output.setlinfo.balc")).isEqualTo(100_000);
        assertThat(v.unsettledCount()).isEqualTo(3);
        assertThat(v.line("F2").setlId()).isNull();
        assertThat(v.liveSettlements()).isZero();
        assertThat(f.state().balanceOf("E1")).isEqualTo(100_000);

        final Reply again = f.settle("2207", "E1", M1, "11", "0", "");
        assertThat(again.error()).isEqualTo(ErrorCode.NONE);
        assertThat(again.json().fen("output.setlinfo.psn_cash_pay")).isEqualTo(68_200);
        assertThat(again.text("output.setlinfo.setl_id")).isEqualTo("S000000000003");
    }

    @Test
    void shouldSettleOneBatchAtATimeAndCancelUnsettledBatches()
    {
        f.register("E1", "MZ0001");
        uploadBill(M1);
        assertThat(f.upload("2204", line(M1, "E1", "G1", "B2", "A001", "1", "100", "100.00"),
            line(M1, "E1", "G2", "B3", "A001", "1", "10", "10.00")).error()).isEqualTo(ErrorCode.NONE);
        final Reply s = f.settle("2207", "E1", M1, "11", "1", ",\"chrg_bchno\":\"B2\"");
        assertThat(s.error()).isEqualTo(ErrorCode.NONE);
        assertThat(s.request().lineCount()).isEqualTo(1);
        assertThat(s.json().fen("output.setlinfo.medfee_sumamt")).isEqualTo(10_000);
        assertThat(f.desk.visits().visit(M1).unsettledCount()).isEqualTo(4);

        final Reply settledBatch = f.send("2205", data("\"mdtrt_id\":\"" + M1 + "\",\"chrg_bchno\":\"B2\",\"psn_no\":\"E1\""));
        assertThat(settledBatch.error()).isEqualTo(ErrorCode.E5008);
        assertThat(settledBatch.errMsg()).contains("chrg_bchno=B2").contains("收费批次已结算");
        final Reply resettle = f.settle("2207", "E1", M1, "11", "1", ",\"chrg_bchno\":\"B2\"");
        assertThat(resettle.error()).isEqualTo(ErrorCode.E5008);
        assertThat(resettle.errMsg()).contains("B2");

        assertThat(f.send("2205", data("\"mdtrt_id\":\"" + M1 + "\",\"chrg_bchno\":\"B1\",\"psn_no\":\"E1\"")).error())
            .isEqualTo(ErrorCode.NONE);
        assertThat(f.desk.visits().visit(M1).unsettledCount()).isEqualTo(1);
        assertThat(f.send("2205", data("\"mdtrt_id\":\"" + M1 + "\",\"chrg_bchno\":\"0000\",\"psn_no\":\"E1\"")).error())
            .isEqualTo(ErrorCode.NONE);
        assertThat(f.desk.visits().visit(M1).unsettledCount()).isZero();
        assertThat(f.desk.visits().visit(M1).lines()).hasSize(1);
        final Reply gone = f.send("2205", data("\"mdtrt_id\":\"" + M1 + "\",\"chrg_bchno\":\"B9\",\"psn_no\":\"E1\""));
        assertThat(gone.error()).isEqualTo(ErrorCode.E5008);
        assertThat(gone.errMsg()).contains("收费批次不存在").contains("B9");
        // a cancelled line's serial may be uploaded again
        assertThat(f.upload("2204", line(M1, "E1", "F1", "B4", "A001", "1", "1", "1.00")).error()).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldRefuseAnUnknownVisit()
    {
        f.register("E1", "MZ0001");
        final Reply up = f.upload("2204", line("M000000000099", "E1", "F1", "B1", "A001", "1", "1", "1.00"));
        assertThat(up.error()).isEqualTo(ErrorCode.E5007);
        assertThat(up.errMsg()).startsWith("E5007: ").contains("mdtrt_id=M000000000099");
        assertThat(up.journaled).isTrue();
        final Reply settle = f.settle("2207", "E1", "M000000000099", "11", "1", "");
        assertThat(settle.error()).isEqualTo(ErrorCode.E5007);
        assertThat(f.state().recordCount()).isZero();
        assertThat(f.send("2202", data("\"mdtrt_id\":\"NOPE\",\"psn_no\":\"E1\"")).error()).isEqualTo(ErrorCode.E5007);
        assertThat(f.send("2203", "{\"mdtrtinfo\":{\"mdtrt_id\":\"NOPE\",\"psn_no\":\"E1\"}}").error()).isEqualTo(ErrorCode.E5007);
        // another institution's visit is unknown here; another person's too
        f.at(TestRegion.H2).signIn();
        assertThat(f.upload("2204", line(M1, "E1", "F1", "B1", "A001", "1", "1", "1.00")).error()).isEqualTo(ErrorCode.E5007);
        f.at(TestRegion.H3);
        final Reply other = f.upload("2204", line(M1, "E2", "F1", "B1", "A001", "1", "1", "1.00"));
        assertThat(other.error()).isEqualTo(ErrorCode.E5007);
        assertThat(other.errMsg()).contains("psn_no=E2");
    }

    @Test
    void shouldRefuseADuplicateSerialAndBadLines()
    {
        f.register("E1", "MZ0001");
        uploadBill(M1);
        final Reply dup = f.upload("2204", line(M1, "E1", "F2", "B9", "A001", "1", "1", "1.00"));
        assertThat(dup.error()).isEqualTo(ErrorCode.E5008);
        assertThat(dup.errMsg()).contains("feedetl_sn=F2");
        final Reply twice = f.upload("2204", line(M1, "E1", "H1", "B9", "A001", "1", "1", "1.00"),
            line(M1, "E1", "H1", "B9", "A001", "1", "1", "1.00"));
        assertThat(twice.error()).isEqualTo(ErrorCode.E5001);
        assertThat(f.upload("2204", line(M1, "E1", "H1", "B9", "A001", "2", "1", "1.00")).error()).isEqualTo(ErrorCode.E2002);
        assertThat(f.upload("2204", line(M1, "E1", "H1", "B9", "ZZZZ", "1", "1", "1.00")).error()).isEqualTo(ErrorCode.E2003);
        final Reply noBatch = f.upload("2204", line(M1, "E1", "H1", "", "A001", "1", "1", "1.00"));
        assertThat(noBatch.error()).isEqualTo(ErrorCode.E5002);
        assertThat(noBatch.errMsg()).contains("chrg_bchno");
        final Reply twoVisits = f.upload("2204", line(M1, "E1", "H1", "B9", "A001", "1", "1", "1.00"),
            line("M000000000002", "E1", "H2", "B9", "A001", "1", "1", "1.00"));
        assertThat(twoVisits.error()).isEqualTo(ErrorCode.E5001);
        assertThat(f.desk.visits().visit(M1).lines()).hasSize(3);
    }

    @Test
    void shouldRefuseTheWrongStateAndKind()
    {
        f.register("E1", "MZ0001");
        uploadBill(M1);
        assertThat(f.settle("2207", "E1", M1, "11", "1", "").error()).isEqualTo(ErrorCode.NONE);
        final Reply cancelReg = f.send("2202", data("\"mdtrt_id\":\"" + M1 + "\",\"psn_no\":\"E1\",\"ipt_otp_no\":\"MZ0001\""));
        assertThat(cancelReg.error()).isEqualTo(ErrorCode.E5008);
        assertThat(cancelReg.errMsg()).contains("2208").contains(M1);
        assertThat(f.settle("2304", "E1", M1, "21", "1", "").error()).isEqualTo(ErrorCode.E5008);
        assertThat(f.upload("2301", line(M1, "E1", "Z1", "B1", "A001", "1", "1", "1.00")).error()).isEqualTo(ErrorCode.E5008);
        assertThat(f.send("2402", "{\"dscginfo\":{\"mdtrt_id\":\"" + M1 + "\",\"psn_no\":\"E1\"}}").error())
            .isEqualTo(ErrorCode.E5008);

        final Reply second = f.register("E1", "MZ0002");
        final String m2 = second.text("output.data.mdtrt_id");
        assertThat(m2).isEqualTo("M000000000002");
        assertThat(f.send("2202", data("\"mdtrt_id\":\"" + m2 + "\",\"psn_no\":\"E1\"")).error()).isEqualTo(ErrorCode.NONE);
        final Reply late = f.upload("2204", line(m2, "E1", "F1", "B1", "A001", "1", "1", "1.00"));
        assertThat(late.error()).isEqualTo(ErrorCode.E5008);
        assertThat(late.errMsg()).contains("就诊已撤销");
        assertThat(f.send("2202", data("\"mdtrt_id\":\"" + m2 + "\",\"psn_no\":\"E1\"")).error()).isEqualTo(ErrorCode.E5008);
        // the number of a cancelled registration is free again; a live one is not
        assertThat(f.register("E1", "MZ0002").error()).isEqualTo(ErrorCode.NONE);
        final Reply taken = f.register("E2", "MZ0001");
        assertThat(taken.error()).isEqualTo(ErrorCode.E5008);
        assertThat(taken.errMsg()).contains("ipt_otp_no=MZ0001").contains(M1);
    }

    @Test
    void shouldRunEligibilityAtRegistrationAndNeedASignIn()
    {
        assertThat(f.register("S1", "MZ0009").error()).isEqualTo(ErrorCode.E1011);
        assertThat(f.register("NOBODY", "MZ0009").error()).isEqualTo(ErrorCode.E1001);
        final Reply missing = f.send("2201", data("\"psn_no\":\"E1\""));
        assertThat(missing.error()).isEqualTo(ErrorCode.E5002);
        assertThat(missing.errMsg()).contains("ipt_otp_no");
        f.at(TestRegion.H2);
        assertThat(f.register("E1", "MZ0009").error()).isEqualTo(ErrorCode.E1023);
    }

    @Test
    void shouldAnswerAReSentRegistrationWithItsFirstAnswer()
    {
        final String msgid = f.nextMsgid();
        final String input = data("\"psn_no\":\"E1\",\"ipt_otp_no\":\"MZ0001\",\"mdtrt_cert_type\":\"03\",\"mdtrt_cert_no\":\"CARDE1\"");
        final Reply first = f.send("2201", msgid, input);
        final Reply again = f.send("2201", msgid, input);
        assertThat(again.error()).isEqualTo(ErrorCode.NONE);
        assertThat(again.journaled).isFalse();
        assertThat(again.text("output.data.mdtrt_id")).isEqualTo(first.text("output.data.mdtrt_id"));
        assertThat(f.desk.visits().visitCount()).isEqualTo(1);
        final Reply reused = f.send("2201", msgid, data("\"psn_no\":\"E1\",\"ipt_otp_no\":\"MZ0002\""));
        assertThat(reused.error()).isEqualTo(ErrorCode.E3001);
        // a re-sent upload answers its result[] again and adds nothing
        final String up = f.nextMsgid();
        final String rows = "{\"feedetail\":[" + line(M1, "E1", "F2", "B1", "B001", "1", "200", "200.00") + "]}";
        f.send("2204", up, rows);
        final Reply resent = f.send("2204", up, rows);
        assertThat(resent.error()).isEqualTo(ErrorCode.NONE);
        assertThat(resent.json().fen("output.result[0].preselfpay_amt")).isEqualTo(2_000);
        assertThat(f.desk.visits().visit(M1).lines()).hasSize(1);
    }
}

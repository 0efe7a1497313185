package io.medgw.gateway.visit;

import io.medgw.codec.ErrorCode;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.visit.DeskFixture.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.medgw.gateway.visit.DeskFixture.data;
import static io.medgw.gateway.visit.DeskFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An inpatient stay of E1 at H2 (level 2: deductible 600.00 per settlement, pool 85%):
 * 2401 → 2301 ×2 → 2303 → 2304 → 2305 → 2402, and the state refusals of a stay.
 */
final class InpatientStayTest
{
    private static final String M1 = "M000000000001";
    private final DeskFixture f = new DeskFixture().at(TestRegion.H2);

    @BeforeEach
    void admit()
    {
        f.signIn();
        final Reply a = f.admit("E1", "ZY0001");
        assertThat(a.error()).isEqualTo(ErrorCode.NONE);
        assertThat(a.text("output.result.mdtrt_id")).isEqualTo(M1);
        assertThat(a.text("output.result.ipt_otp_no")).isEqualTo("ZY0001");
        f.time("2026-03-02 08:00:00");
        assertThat(f.upload("2301", line(M1, "E1", "I1", "D1", "A001", "10", "500", "5000.00")).error())
            .isEqualTo(ErrorCode.NONE);
        f.time("2026-03-03 08:00:00");
        final Reply second = f.upload("2301", line(M1, "E1", "I2", "D2", "B001", "5", "200", "1000.00"),
            line(M1, "E1", "I3", "D2", "D001", "2", "80", "160.00"));
        assertThat(second.error()).isEqualTo(ErrorCode.NONE);
        assertThat(second.json().fen("output.result[1].overlmt_amt")).isEqualTo(6_000);
        assertThat(second.text("output.result[1].pric_uplmt_amt")).isEqualTo("50.000000");
        f.time("2026-03-05 09:00:00");
    }

    @Test
    void shouldSettleCancelAndDischargeAStay()
    {
        final Reply pre = f.settle("2303", "E1", M1, "21", "0", "");
        assertThat(pre.error()).isEqualTo(ErrorCode.NONE);
        assertThat(pre.request().lineCount()).isEqualTo(3);
        assertThat(pre.json().fen("output.setlinfo.medfee_sumamt")).isEqualTo(616_000);

        final Reply s = f.settle("2304", "E1", M1, "21", "0", ",\"medfee_sumamt\":6160.00");
        assertThat(s.error()).isEqualTo(ErrorCode.NONE);
        assertThat(s.json().setlinfoFen()).containsEntry("medfee_sumamt", 616_000L)
            .containsEntry("overlmt_selfpay", 6_000L).containsEntry("preselfpay_amt", 10_000L)
            .containsEntry("inscp_scp_amt", 600_000L).containsEntry("act_pay_dedc", 60_000L)
            .containsEntry("hifp_pay", 459_000L).containsEntry("fund_pay_sumamt", 459_000L)
            .containsEntry("psn_part_amt", 157_000L).containsEntry("acct_pay", 0L)
            .containsEntry("psn_cash_pay", 157_000L).containsEntry("balc", 100_000L);
        assertThat(s.text("output.setlinfo.clr_type")).isEqualTo("21");
        final String setlId = s.text("output.setlinfo.setl_id");
        final Visit v = f.desk.visits().visit(M1);
        assertThat(v.unsettledCount()).isZero();

        final Reply cancelAdmission = f.send("2404", data("\"mdtrt_id\":\"" + M1 + "\",\"psn_no\":\"E1\""));
        assertThat(cancelAdmission.error()).isEqualTo(ErrorCode.E5008);
        assertThat(cancelAdmission.errMsg()).contains("已有结算费用").contains("2305");

        final Reply c = f.cancel("2305", "E1", M1, setlId);
        assertThat(c.error()).isEqualTo(ErrorCode.NONE);
        assertThat(c.json().fen("output.setlinfo.hifp_pay")).isEqualTo(-459_000);
        assertThat(v.unsettledCount()).isEqualTo(3);
        assertThat(v.liveSettlements()).isZero();

        final Reply out = f.send("2402", "{\"dscginfo\":{\"mdtrt_id\":\"" + M1 + "\",\"psn_no\":\"E1\",\"endtime\":" +
            "\"2026-03-05 10:00:00\",\"dise_codg\":\"I10\"}}");
        assertThat(out.error()).isEqualTo(ErrorCode.NONE);
        assertThat(v.status()).isEqualTo(Visit.DISCHARGED);
        assertThat(f.send("2402", "{\"dscginfo\":{\"mdtrt_id\":\"" + M1 + "\",\"psn_no\":\"E1\"}}").error())
            .isEqualTo(ErrorCode.E5008);
        // fees may still come after discharge while the stay is unsettled
        assertThat(f.upload("2301", line(M1, "E1", "I4", "D3", "A001", "1", "10", "10.00")).error()).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void shouldRefuseFeesAfterTheDischargedStayWasSettled()
    {
        assertThat(f.send("2402", "{\"dscginfo\":{\"mdtrt_id\":\"" + M1 + "\",\"psn_no\":\"E1\"}}").error())
            .isEqualTo(ErrorCode.NONE);
        assertThat(f.settle("2304", "E1", M1, "21", "1", "").error()).isEqualTo(ErrorCode.NONE);
        final Reply late = f.upload("2301", line(M1, "E1", "I9", "D9", "A001", "1", "10", "10.00"));
        assertThat(late.error()).isEqualTo(ErrorCode.E5008);
        assertThat(late.errMsg()).contains("已出院结算").contains(M1);
        final Reply undo = f.send("2405", data("\"mdtrt_id\":\"" + M1 + "\",\"psn_no\":\"E1\""));
        assertThat(undo.error()).isEqualTo(ErrorCode.E5008);
        assertThat(undo.errMsg()).contains("2305");
    }

    @Test
    void shouldCancelDischargeAndAdmission()
    {
        assertThat(f.send("2405", data("\"mdtrt_id\":\"" + M1 + "\"")).error()).isEqualTo(ErrorCode.E5008);
        assertThat(f.send("2402", "{\"dscginfo\":{\"mdtrt_id\":\"" + M1 + "\"}}").error()).isEqualTo(ErrorCode.NONE);
        assertThat(f.send("2404", data("\"mdtrt_id\":\"" + M1 + "\"")).error()).isEqualTo(ErrorCode.E5008);
        assertThat(f.send("2405", data("\"mdtrt_id\":\"" + M1 + "\"")).error()).isEqualTo(ErrorCode.NONE);
        assertThat(f.desk.visits().visit(M1).status()).isEqualTo(Visit.OPEN);
        final Reply oneLine = f.send("2302", "{\"data\":{\"mdtrt_id\":\"" + M1 + "\",\"psn_no\":\"E1\"}," +
            "\"feedetail\":[{\"feedetl_sn\":\"I3\"}]}");
        assertThat(oneLine.error()).isEqualTo(ErrorCode.NONE);
        assertThat(f.desk.visits().visit(M1).line("I3")).isNull();
        assertThat(f.send("2302", "{\"data\":{\"mdtrt_id\":\"" + M1 + "\"},\"feedetail\":[{\"feedetl_sn\":\"I3\"}]}").error())
            .isEqualTo(ErrorCode.E5008);
        assertThat(f.send("2302", data("\"mdtrt_id\":\"" + M1 + "\",\"chrg_bchno\":\"D2\"")).error()).isEqualTo(ErrorCode.NONE);
        assertThat(f.desk.visits().visit(M1).lines()).hasSize(1);
        assertThat(f.send("2404", data("\"mdtrt_id\":\"" + M1 + "\"")).error()).isEqualTo(ErrorCode.NONE);
        assertThat(f.desk.visits().visit(M1).status()).isEqualTo(Visit.CANCELLED);
        assertThat(f.desk.visits().visit(M1).lines()).isEmpty();
        assertThat(f.settle("2304", "E1", M1, "21", "1", "").error()).isEqualTo(ErrorCode.E5008);
        assertThat(f.upload("2204", line(M1, "E1", "X1", "D1", "A001", "1", "1", "1.00")).error()).isEqualTo(ErrorCode.E5008);
        // the 住院号 is free again; it never clashed with 门诊号
        assertThat(f.admit("E1", "ZY0001").error()).isEqualTo(ErrorCode.NONE);
        assertThat(f.register("E1", "ZY0001").error()).isEqualTo(ErrorCode.NONE);
    }
}

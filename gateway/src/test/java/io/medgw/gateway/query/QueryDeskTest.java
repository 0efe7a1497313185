package io.medgw.gateway.query;

import io.medgw.codec.ErrorCode;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.visit.DeskFixture;
import io.medgw.gateway.visit.DeskFixture.Reply;
import io.medgw.ledger.InMemoryLedger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.medgw.gateway.visit.DeskFixture.data;
import static io.medgw.gateway.visit.DeskFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

/** 1101, 2001, 5203, 5204, 5206 against E1 (310, 1,000.00) at H3 after real settlements. */
final class QueryDeskTest
{
    private static final String M1 = "M000000000001";
    private final DeskFixture f = new DeskFixture();

    @BeforeEach
    void signIn()
    {
        f.signIn();
    }

    /** E1 settles 850.00 (ded 500.00, pool 168.00) then 100.00 (pool 60.00) on one visit; returns both setl_ids. */
    private String[] twoSettlements()
    {
        f.register("E1", "MZ0001");
        f.upload("2204", line(M1, "E1", "F1", "B1", "A001", "2", "300", "600.00"),
            line(M1, "E1", "F2", "B1", "B001", "1", "200", "200.00"), line(M1, "E1", "F3", "B1", "C001", "1", "50", "50.00"));
        final Reply a = f.settle("2207", "E1", M1, "11", "1", ",\"chrg_bchno\":\"B1\"");
        f.time("2026-03-02 10:00:00");
        f.upload("2204", line(M1, "E1", "F4", "B2", "A001", "1", "100", "100.00"));
        final Reply b = f.settle("2207", "E1", M1, "11", "1", ",\"chrg_bchno\":\"B2\"");
        assertThat(a.error()).isEqualTo(ErrorCode.NONE);
        assertThat(b.error()).isEqualTo(ErrorCode.NONE);
        assertThat(b.json().fen("output.setlinfo.hifp_pay")).isEqualTo(6_000);
        return new String[] {a.text("output.setlinfo.setl_id"), b.text("output.setlinfo.setl_id")};
    }

    @Test
    void shouldAnswerPersonInfoWithTheLiveBalance()
    {
        final Reply before = f.send("1101", data("\"psn_cert_type\":\"01\",\"certno\":\"IDE2\",\"psn_name\":\"姓名E2\""));
        assertThat(before.error()).isEqualTo(ErrorCode.NONE);
        assertThat(before.text("output.baseinfo.psn_no")).isEqualTo("E2");
        assertThat(before.text("output.baseinfo.brdy")).isEqualTo("1980-01-01");
        assertThat(before.text("output.baseinfo.age")).isEqualTo("46.0");
        assertThat(before.json().fen("output.insuinfo[0].balc")).isEqualTo(30_000);
        assertThat(before.text("output.insuinfo[0].insutype")).isEqualTo("310");
        assertThat(before.text("output.insuinfo[0].psn_type")).isEqualTo("1201");
        assertThat(before.text("output.insuinfo[0].cvlserv_flag")).isEqualTo("1");
        assertThat(before.text("output.insuinfo[0].insuplc_admdvs")).isEqualTo("320100");
        assertThat(before.text("output.insuinfo[0].psn_insu_stas")).isEqualTo("1");
        assertThat(before.json().size("output.idetinfo")).isZero();
        assertThat(before.journaled).isFalse();

        twoSettlements();
        final Reply after = f.send("1101", data("\"mdtrt_cert_type\":\"01\",\"mdtrt_cert_no\":\"TOKENE1\""));
        assertThat(after.json().fen("output.insuinfo[0].balc")).isEqualTo(100_000 - 68_200 - 4_000);

        final Reply assisted = f.send("1101", data("\"psn_no\":\"E3\""));
        assertThat(assisted.json().size("output.idetinfo")).isEqualTo(2);
        assertThat(assisted.text("output.idetinfo[0].psn_idet_type")).isEqualTo("A1");
        assertThat(assisted.text("output.idetinfo[1].psn_idet_type")).isEqualTo("VET");
        // a suspended person is still answered
        assertThat(f.send("1101", data("\"psn_no\":\"S1\"")).text("output.insuinfo[0].psn_insu_stas")).isEqualTo("2");
    }

    @Test
    void shouldRefuseAnUnknownPersonInfoQuery()
    {
        final Reply wrongName = f.send("1101", data("\"psn_cert_type\":\"01\",\"certno\":\"IDE2\",\"psn_name\":\"张三\""));
        assertThat(wrongName.error()).isEqualTo(ErrorCode.E1001);
        assertThat(wrongName.errMsg()).contains("certno=IDE2").contains("psn_name=张三");
        assertThat(f.send("1101", data("\"mdtrt_cert_type\":\"03\",\"mdtrt_cert_no\":\"NOCARD\"")).error()).isEqualTo(ErrorCode.E1001);
        assertThat(f.send("1101", data("\"mdtrt_cert_type\":\"01\",\"mdtrt_cert_no\":\"TOKENX1\"")).error()).isEqualTo(ErrorCode.E1002);
        assertThat(f.send("1101", data("\"psn_name\":\"张三\"")).error()).isEqualTo(ErrorCode.E5002);
    }

    @Test
    void shouldCheckBenefitsWithTheEnginesEligibilityRules()
    {
        final Reply ok = f.send("2001", data("\"psn_no\":\"E1\",\"insutype\":\"310\",\"med_type\":\"11\"," +
            "\"mdtrt_cert_type\":\"03\",\"mdtrt_cert_no\":\"CARDE1\""));
        assertThat(ok.error()).isEqualTo(ErrorCode.NONE);
        assertThat(ok.text("output.trtinfo[0].trt_enjymnt_flag")).isEqualTo("1");
        assertThat(ok.text("output.trtinfo[0].fund_pay_type")).isEqualTo("310100");
        assertThat(f.send("2001", data("\"psn_no\":\"S1\"")).error()).isEqualTo(ErrorCode.E1011);
        assertThat(f.send("2001", data("\"psn_no\":\"B1\"")).error()).isEqualTo(ErrorCode.E1012);
        assertThat(f.send("2001", data("\"psn_no\":\"Q3\"")).error()).isEqualTo(ErrorCode.E1062);
        assertThat(f.send("2001", data("\"psn_no\":\"E1\",\"med_type\":\"41\"")).error()).isEqualTo(ErrorCode.E1031);
        final Reply chronic = f.send("2001", data("\"psn_no\":\"C1\",\"med_type\":\"14\",\"dise_codg\":\"M01600\""));
        assertThat(chronic.error()).isEqualTo(ErrorCode.E1042);
        assertThat(f.send("2001", data("\"psn_no\":\"C1\",\"med_type\":\"14\",\"dise_codg\":\"M03900\"")).error())
            .isEqualTo(ErrorCode.NONE);
        assertThat(f.send("2001", data("\"psn_no\":\"R1\",\"med_type\":\"51\"")).error()).isEqualTo(ErrorCode.E1051);
        assertThat(f.send("2001", data("\"psn_no\":\"N1\"")).error()).isEqualTo(ErrorCode.E1071);
        f.at(TestRegion.H2);
        assertThat(f.send("2001", data("\"psn_no\":\"E1\"")).error()).isEqualTo(ErrorCode.E1023);
        f.at("H99999999999");
        assertThat(f.send("2001", data("\"psn_no\":\"E1\"")).error()).isEqualTo(ErrorCode.E1021);
    }

    @Test
    void shouldAnswerSettlementInfoAndRefuseUnknownIds()
    {
        final String[] ids = twoSettlements();
        final Reply info = f.send("5203", data("\"setl_id\":\"" + ids[0] + "\",\"psn_no\":\"E1\",\"mdtrt_id\":\"" + M1 + "\""));
        assertThat(info.error()).isEqualTo(ErrorCode.NONE);
        assertThat(info.text("output.setlinfo.setl_id")).isEqualTo(ids[0]);
        assertThat(info.text("output.setlinfo.mdtrt_id")).isEqualTo(M1);
        assertThat(info.text("output.setlinfo.setl_time")).isEqualTo("2026-03-01 10:00:00");
        assertThat(info.text("output.setlinfo.medins_setl_id")).hasSize(30);
        assertThat(info.json().setlinfoFen()).containsEntry("medfee_sumamt", 85_000L).containsEntry("hifp_pay", 16_800L)
            .containsEntry("acct_pay", 68_200L).containsEntry("balc", 31_800L);
        assertThat(info.json().size("output.setldetail")).isEqualTo(2);
        assertThat(info.text("output.setldetail[0].fund_pay_type")).isEqualTo("310100");

        assertThat(info.text("output.setlinfo.refd_setl_flag")).isEqualTo("0");
        final String cancelId = f.cancel("2208", "E1", M1, ids[1]).text("output.setlinfo.setl_id");
        final Reply ofCancel = f.send("5203", data("\"setl_id\":\"" + cancelId + "\""));
        assertThat(ofCancel.text("output.setlinfo.refd_setl_flag")).isEqualTo("1");
        assertThat(ofCancel.json().fen("output.setlinfo.hifp_pay")).isEqualTo(-6_000);
        assertThat(ofCancel.text("output.setlinfo.setl_time")).isEqualTo("2026-03-02 10:00:00");
        final Reply unknown = f.send("5203", data("\"setl_id\":\"S000000000777\""));
        assertThat(unknown.error()).isEqualTo(ErrorCode.E4001);
        assertThat(unknown.errMsg()).contains("setl_id=S000000000777");
        f.at(TestRegion.H2);
        assertThat(f.send("5203", data("\"setl_id\":\"" + ids[0] + "\"")).error()).isEqualTo(ErrorCode.E4003);
        assertThat(f.send("5203", data("\"psn_no\":\"E1\"")).error()).isEqualTo(ErrorCode.E5002);
    }

    @Test
    void shouldListTheFeesOfASettlementFromTheLedger()
    {
        final String[] ids = twoSettlements();
        final Reply fees = f.send("5204", data("\"setl_id\":\"" + ids[0] + "\",\"psn_no\":\"E1\""));
        assertThat(fees.error()).isEqualTo(ErrorCode.NONE);
        assertThat(fees.json().size("output.feedetail")).isEqualTo(3);
        assertThat(fees.text("output.feedetail[1].feedetl_sn")).isEqualTo("F2");
        assertThat(fees.text("output.feedetail[1].setl_id")).isEqualTo(ids[0]);
        assertThat(fees.text("output.feedetail[1].mdtrt_id")).isEqualTo(M1);
        assertThat(fees.json().fen("output.feedetail[1].preselfpay_amt")).isEqualTo(2_000);
        assertThat(fees.text("output.feedetail[2].chrgitm_lv")).isEqualTo("03");

        final Reply c = f.cancel("2208", "E1", M1, ids[1]);
        final Reply ofCancel = f.send("5204", data("\"setl_id\":\"" + c.text("output.setlinfo.setl_id") + "\""));
        assertThat(ofCancel.json().size("output.feedetail")).isEqualTo(1);
        assertThat(ofCancel.text("output.feedetail[0].feedetl_sn")).isEqualTo("F4");
        assertThat(f.send("5204", data("\"setl_id\":\"NOPE\"")).error()).isEqualTo(ErrorCode.E4001);
    }

    @Test
    void shouldListFeesFromTheVisitWithoutALedgerReader()
    {
        final DeskFixture noLedger = new DeskFixture(f.ref, new InMemoryLedger(), ctx -> ctx.ledgerReader(null));
        noLedger.signIn();
        noLedger.register("E1", "MZ0001");
        noLedger.upload("2204", line(M1, "E1", "F1", "B1", "A001", "1", "10", "10.00"));
        final String id = noLedger.settle("2207", "E1", M1, "11", "1", "").text("output.setlinfo.setl_id");
        final Reply fees = noLedger.send("5204", data("\"setl_id\":\"" + id + "\""));
        assertThat(fees.json().size("output.feedetail")).isEqualTo(1);
        noLedger.cancel("2208", "E1", M1, id);
        assertThat(noLedger.send("5204", data("\"setl_id\":\"" + id + "\"")).error()).isEqualTo(ErrorCode.E9003);
    }

    @Test
    void shouldAnswerTheAccumulatorsOfTheYearAfterTwoSettlements()
    {
        twoSettlements();
        final Reply cum = f.send("5206", data("\"psn_no\":\"E1\",\"cum_ym\":\"202603\""));
        assertThat(cum.error()).isEqualTo(ErrorCode.NONE);
        assertThat(cum.json().size("output.cuminfo")).isEqualTo(14);
        assertThat(cum.text("output.cuminfo[0].cum_type_code")).isEqualTo("ded_outpatient");
        assertThat(cum.json().fen("output.cuminfo[0].cum")).isEqualTo(50_000);
        assertThat(cum.text("output.cuminfo[6].cum_type_code")).isEqualTo("pool_outpatient");
        assertThat(cum.json().fen("output.cuminfo[6].cum")).isEqualTo(22_800);
        assertThat(cum.json().fen("output.cuminfo[5].cum")).isZero();
        assertThat(cum.text("output.cuminfo[0].year")).isEqualTo("2026");
        assertThat(cum.text("output.cuminfo[0].insutype")).isEqualTo("310");
        final Reply lastYear = f.send("5206", data("\"psn_no\":\"E1\",\"cum_ym\":\"202512\""));
        assertThat(lastYear.json().fen("output.cuminfo[0].cum")).isZero();
        assertThat(f.send("5206", data("\"psn_no\":\"E1\",\"cum_ym\":\"2026AB\"")).error()).isEqualTo(ErrorCode.E5001);
        assertThat(f.send("5206", data("\"psn_no\":\"NOBODY\"")).error()).isEqualTo(ErrorCode.E1001);

        f.at(TestRegion.H3).time("2026-03-03 10:00:00");
        f.send("2102", "{\"druginfo\":{\"psn_no\":\"E3\",\"med_type\":\"11\",\"acct_used_flag\":\"0\"},\"drugdetail\":[" +
            "{\"feedetl_sn\":\"Q1\",\"med_list_codg\":\"A001\",\"cnt\":1,\"pric\":1000,\"det_item_fee_sumamt\":1000}]}");
        final Reply vet = f.send("5206", data("\"psn_no\":\"E3\""));
        assertThat(vet.json().size("output.cuminfo")).isEqualTo(15);
        assertThat(vet.text("output.cuminfo[14].cum_type_code")).isEqualTo("350100");
    }
}

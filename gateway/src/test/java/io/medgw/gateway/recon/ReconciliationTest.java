package io.medgw.gateway.recon;

import io.medgw.codec.ErrorCode;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.visit.DeskFixture;
import io.medgw.gateway.visit.DeskFixture.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.medgw.gateway.visit.DeskFixture.data;
import static io.medgw.gateway.visit.DeskFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 3201 and 3202 against E1's settlements at H3: S000000000001 850.00 (fund 168.00, account 682.00) on
 * 03-01, S000000000002 100.00 (fund 60.00, account 40.00) on 03-02, cancelled the same day by
 * S000000000003.
 */
final class ReconciliationTest
{
    private static final String M1 = "M000000000001";
    private final DeskFixture f = new DeskFixture();

    @BeforeEach
    void settle()
    {
        f.signIn();
        f.register("E1", "MZ0001");
        f.upload("2204", line(M1, "E1", "F1", "B1", "A001", "2", "300", "600.00"),
            line(M1, "E1", "F2", "B1", "B001", "1", "200", "200.00"), line(M1, "E1", "F3", "B1", "C001", "1", "50", "50.00"));
        assertThat(f.settle("2207", "E1", M1, "11", "1", ",\"chrg_bchno\":\"B1\"").text("output.setlinfo.setl_id"))
            .isEqualTo("S000000000001");
        f.time("2026-03-02 10:00:00");
        f.upload("2204", line(M1, "E1", "F4", "B2", "A001", "1", "100", "100.00"));
        final Reply s2 = f.settle("2207", "E1", M1, "11", "1", ",\"chrg_bchno\":\"B2\"");
        assertThat(s2.json().fen("output.setlinfo.acct_pay")).isEqualTo(4_000);
        f.time("2026-03-02 11:00:00");
        assertThat(f.cancel("2208", "E1", M1, "S000000000002").text("output.setlinfo.setl_id")).isEqualTo("S000000000003");
        f.time("2026-04-01 09:00:00");
    }

    private Reply totals(final String from, final String to, final String medfee, final String fund, final String acct,
        final int count)
    {
        return f.send("3201", data("\"insutype\":\"310\",\"clr_type\":\"11\",\"setl_optins\":\"320100\",\"stmt_begndate\":\"" +
            from + "\",\"stmt_enddate\":\"" + to + "\",\"medfee_sumamt\":" + medfee + ",\"fund_pay_sumamt\":" + fund +
            ",\"acct_pay\":" + acct + ",\"fixmedins_setl_cnt\":" + count + ",\"refd_setl_flag\":\"0\""));
    }

    @Test
    void shouldBalanceTotalsNetOfACancel()
    {
        // a 390 settlement at the same institution is not part of the 310 statement
        f.time("2026-03-03 10:00:00");
        final Reply r1 = f.send("2207", "{\"data\":{\"psn_no\":\"R1\",\"med_type\":\"11\",\"acct_used_flag\":\"0\",\"insutype\":\"390\"}," +
            "\"feedetail\":[{\"feedetl_sn\":\"R1\",\"med_list_codg\":\"A001\",\"cnt\":1,\"pric\":100,\"det_item_fee_sumamt\":100}]}");
        assertThat(r1.error()).isEqualTo(ErrorCode.NONE);
        assertThat(r1.text("output.setlinfo.clr_type")).isEqualTo("11");
        f.time("2026-04-01 09:00:00");
        final Reply ok = totals("2026-03-01", "2026-03-31", "850.00", "168.00", "682.00", 1);
        assertThat(ok.error()).isEqualTo(ErrorCode.NONE);
        assertThat(ok.journaled).isFalse();
        assertThat(ok.text("output.stmtinfo.stmt_rslt")).isEqualTo("0");
        assertThat(ok.text("output.stmtinfo.setl_optins")).isEqualTo("320100");
        assertThat(ok.text("output.stmtinfo.stmt_rslt_dscr")).contains("对平").contains("850.00");
        assertThat(totals("2026-03-01", "2026-03-01", "850.00", "168.00", "682.00", 1).text("output.stmtinfo.stmt_rslt"))
            .isEqualTo("0");
        assertThat(totals("2026-03-02", "2026-03-02", "0", "0", "0", 0).text("output.stmtinfo.stmt_rslt")).isEqualTo("0");
    }

    @Test
    void shouldNameEachDifferenceWhenTotalsDoNotBalance()
    {
        final Reply instMore = totals("2026-03-01", "2026-03-31", "950.00", "228.00", "722.00", 2);
        assertThat(instMore.text("output.stmtinfo.stmt_rslt")).isEqualTo("2");
        assertThat(instMore.text("output.stmtinfo.stmt_rslt_dscr"))
            .contains("fixmedins_setl_cnt 中心1≠机构2(差-1)")
            .contains("medfee_sumamt 中心850.00≠机构950.00(差-100.00)")
            .contains("fund_pay_sumamt 中心168.00≠机构228.00(差-60.00)")
            .contains("acct_pay 中心682.00≠机构722.00(差-40.00)");
        assertThat(instMore.text("output.stmtinfo.stmt_rslt_dscr").length()).isLessThanOrEqualTo(200);
        assertThat(totals("2026-03-01", "2026-03-31", "0", "0", "0", 0).text("output.stmtinfo.stmt_rslt")).isEqualTo("1");
        final Reply amount = totals("2026-03-01", "2026-03-31", "850.00", "168.00", "600.00", 1);
        assertThat(amount.text("output.stmtinfo.stmt_rslt")).isEqualTo("3");
        assertThat(amount.text("output.stmtinfo.stmt_rslt_dscr")).contains("acct_pay").doesNotContain("medfee_sumamt");
        assertThat(f.send("3201", data("\"insutype\":\"310\",\"clr_type\":\"11\"")).error()).isEqualTo(ErrorCode.E5002);
        assertThat(totals("2026-03-01", "20260399", "0", "0", "0", 0).error()).isEqualTo(ErrorCode.E5001);
    }

    @Test
    void shouldReconcileDetailsThroughUploadedAndDownloadedFiles() throws IOException
    {
        final String tsv = "S000000000001\t" + M1 + "\tE1\t850.00\t168.00\t682.00\t0\n" +
            "S000000000002\t" + M1 + "\tE1\t100.00\t60.00\t40.00\t0\r\n" +
            "S000000000003\t" + M1 + "\tE1\t-100.00\t-60.00\t-30.00\t1\n";
        final byte[] zip = ZipFiles.zip("detail.txt", tsv.getBytes(StandardCharsets.UTF_8), 0);
        final StringBuilder bytes = new StringBuilder("[");
        for (int i = 0; i < zip.length; i++)
        {
            bytes.append(i == 0 ? "" : ",").append(zip[i]);
        }
        final Reply up = f.send("9101", "{\"fsUploadIn\":{\"in\":" + bytes.append(']') +
            ",\"filename\":\"detail.zip\",\"fixmedins_code\":\"" + TestRegion.H3 + "\"}}");
        assertThat(up.error()).isEqualTo(ErrorCode.NONE);
        assertThat(up.journaled).isTrue();
        final String uploaded = up.text("output.file_qury_no");
        assertThat(uploaded).isEqualTo("F000000000001");
        assertThat(up.text("output.filename")).isEqualTo("detail.zip");
        assertThat(up.text("output.dld_endtime")).isEqualTo("2026-04-02 09:00:00");

        final Reply rec = f.send("3202", data("\"setl_optins\":\"320100\",\"file_qury_no\":\"" + uploaded + "\"," +
            "\"stmt_begndate\":\"2026-03-01\",\"stmt_enddate\":\"2026-03-31\",\"medfee_sumamt\":850.00," +
            "\"fund_pay_sumamt\":168.00,\"cash_payamt\":0,\"fixmedins_setl_cnt\":1,\"clr_type\":\"11\""));
        assertThat(rec.error()).isEqualTo(ErrorCode.NONE);
        assertThat(rec.journaled).isTrue();
        final String result = rec.text("output.fileinfo.file_qury_no");
        assertThat(result).isEqualTo("F000000000002");
        assertThat(rec.text("output.fileinfo.filename")).isEqualTo("F000000000002.zip");
        assertThat(rec.text("output.fileinfo.dld_endtime")).isEqualTo("2026-04-02 09:00:00");

        final Reply down = f.send("9102", "{\"fsDownloadIn\":{\"file_qury_no\":\"" + result +
            "\",\"filename\":\"F000000000002.zip\",\"fixmedins_code\":\"" + TestRegion.H3 + "\"}}");
        assertThat(down.raw).isTrue();
        assertThat(ZipFiles.isZip(down.bytes)).isTrue();
        final String[] rows = new String(ZipFiles.firstEntry(down.bytes, 1 << 20), StandardCharsets.UTF_8).split("\n");
        assertThat(rows).hasSize(3);
        assertThat(rows[0]).startsWith("E1\t" + M1 + "\tS000000000001\t" + TestRegion.H3 + "2026030110000000")
            .endsWith("\t0\t0\tnull\t850.00\t168.00\t682.00");
        assertThat(rows[1].split("\t")[4]).isEqualTo("0");
        final String[] bad = rows[2].split("\t");
        assertThat(bad).containsExactly("E1", M1, "S000000000003", bad[3], "3", "1",
            "acct_pay 中心-40.00≠机构-30.00(差-10.00)", "-100.00", "-60.00", "-40.00");
        // the uploaded file itself can be fetched back as sent
        final Reply again = f.send("9102", "{\"fsDownloadIn\":{\"file_qury_no\":\"" + uploaded + "\"}}");
        assertThat(again.bytes).isEqualTo(zip);
    }

    @Test
    void shouldReportRowsOnlyOneSideHas() throws IOException
    {
        final String tsv = "setl_id\tmdtrt_id\tpsn_no\tmedfee_sumamt\tfund_pay_sumamt\tacct_pay\trefd_setl_flag\n" +
            "S000000000001\tnull\tE1\t850.00\t168.00\t682.00\t0\n" +
            "S000000000009\tnull\tE9\t5.00\t0\tnull\tnull\n";
        final String b64 = Base64.getEncoder().encodeToString(tsv.getBytes(StandardCharsets.UTF_8));
        final String uploaded = f.send("9101", "{\"fsUploadIn\":{\"in\":\"" + b64 + "\",\"filename\":\"d.txt\"}}")
            .text("output.file_qury_no");
        final Reply rec = f.send("3202", data("\"file_qury_no\":\"" + uploaded + "\",\"stmt_begndate\":\"2026-03-01\"," +
            "\"stmt_enddate\":\"2026-03-31\""));
        final Reply down = f.send("9102", "{\"fsDownloadIn\":{\"file_qury_no\":\"" + rec.text("output.fileinfo.file_qury_no") + "\"}}");
        final String[] rows = new String(ZipFiles.firstEntry(down.bytes, 1 << 20), StandardCharsets.UTF_8).split("\n");
        assertThat(rows).hasSize(4);
        assertThat(rows[0].split("\t")[4]).isEqualTo("0");
        assertThat(rows[1]).startsWith("E9\tnull\tS000000000009\tnull\t2\t0\t中心无此结算记录");
        assertThat(rows[2]).startsWith("E1\t" + M1 + "\tS000000000002\t").contains("\t1\t0\t机构明细中无此结算");
        assertThat(rows[3]).contains("\tS000000000003\t").contains("\t1\t1\t").endsWith("-100.00\t-60.00\t-40.00");
    }

    @Test
    void shouldRefuseMissingExpiredForeignAndBadFiles()
    {
        final Reply none = f.send("3202", data("\"file_qury_no\":\"F000000000077\",\"stmt_begndate\":\"2026-03-01\"," +
            "\"stmt_enddate\":\"2026-03-31\""));
        assertThat(none.error()).isEqualTo(ErrorCode.E5008);
        assertThat(none.errMsg()).contains("file_qury_no=F000000000077");
        assertThat(none.journaled).isTrue();
        final String b64 = Base64.getEncoder().encodeToString("S1\tM1\tE1\t1.00\n".getBytes(StandardCharsets.UTF_8));
        final String id = f.send("9101", "{\"fsUploadIn\":{\"in\":\"" + b64 + "\",\"filename\":\"d.txt\"}}")
            .text("output.file_qury_no");
        final Reply bad = f.send("3202", data("\"file_qury_no\":\"" + id + "\",\"stmt_begndate\":\"2026-03-01\"," +
            "\"stmt_enddate\":\"2026-03-31\""));
        assertThat(bad.error()).isEqualTo(ErrorCode.E5001);
        assertThat(bad.errMsg()).contains("第 1 行").contains("7");
        assertThat(f.send("9101", "{\"fsUploadIn\":{\"filename\":\"d.txt\"}}").error()).isEqualTo(ErrorCode.E5002);

        f.at(TestRegion.H2);
        final Reply foreign = f.send("9102", "{\"fsDownloadIn\":{\"file_qury_no\":\"" + id + "\"}}");
        assertThat(foreign.error()).isEqualTo(ErrorCode.E5008);
        assertThat(foreign.raw).isFalse();
        f.at(TestRegion.H3).time("2026-04-02 09:00:01");
        final Reply expired = f.send("9102", "{\"fsDownloadIn\":{\"file_qury_no\":\"" + id + "\"}}");
        assertThat(expired.error()).isEqualTo(ErrorCode.E5008);
        assertThat(expired.errMsg()).contains("下载截止时间 2026-04-02 09:00:00");
    }

    @Test
    void shouldRefuseAnOversizedUpload()
    {
        final DeskFixture small = new DeskFixture(f.ref, new io.medgw.ledger.InMemoryLedger(), c -> c.maxFileBytes(4));
        final Reply big = small.send("9101", "{\"fsUploadIn\":{\"in\":[1,2,3,4,5],\"filename\":\"x.zip\"}}");
        assertThat(big.error()).isEqualTo(ErrorCode.E5006);
        assertThat(big.errMsg()).contains("x.zip").contains("5 字节");
    }
}

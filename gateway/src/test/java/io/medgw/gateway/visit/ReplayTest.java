package io.medgw.gateway.visit;

import io.medgw.codec.ErrorCode;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.recon.ZipFiles;
import io.medgw.gateway.visit.DeskFixture.Reply;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.medgw.gateway.visit.DeskFixture.data;
import static io.medgw.gateway.visit.DeskFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

/** A restart re-applying the journal (the ledger) rebuilds the same state: digests and every visible answer. */
final class ReplayTest
{
    private static final String M1 = "M000000000001";
    private static final String M2 = "M000000000002";

    // the reply without its envelope serial and times
    private static java.util.Map<String, String> answer(final Reply r)
    {
        final java.util.Map<String, String> out = new java.util.TreeMap<>();
        r.json().values().forEach((k, v) -> {
            if (k.startsWith("output") || k.equals("err_msg"))
            {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void shouldRebuildAnEqualStateFromTheJournal()
    {
        final DeskFixture f = new DeskFixture();
        f.signIn();
        final String reg = f.nextMsgid();
        final String regInput = data("\"psn_no\":\"E1\",\"ipt_otp_no\":\"MZ1\",\"mdtrt_cert_type\":\"03\",\"mdtrt_cert_no\":\"CARDE1\"");
        assertThat(f.send("2201", reg, regInput).error()).isEqualTo(ErrorCode.NONE);
        f.upload("2204", line(M1, "E1", "F1", "B1", "A001", "2", "300", "600.00"),
            line(M1, "E1", "F2", "B1", "B001", "1", "200", "200.00"));
        f.upload("2204", line(M1, "E1", "F3", "B2", "C001", "1", "50", "50.00"));
        f.send("2205", data("\"mdtrt_id\":\"" + M1 + "\",\"chrg_bchno\":\"B2\""));
        f.send("2203", "{\"mdtrtinfo\":{\"mdtrt_id\":\"" + M1 + "\",\"med_type\":\"11\",\"dise_codg\":\"J00\"}}");
        final String s1 = f.settle("2207", "E1", M1, "11", "1", "").text("output.setlinfo.setl_id");
        assertThat(f.upload("2204", line(M1, "E1", "F1", "B3", "A001", "1", "1", "1.00")).error()).isEqualTo(ErrorCode.E5008);
        f.at(TestRegion.H2).signIn();
        f.admit("E2", "ZY1");
        f.upload("2301", line(M2, "E2", "I1", "D1", "A001", "10", "500", "5000.00"));
        final String s2 = f.settle("2304", "E2", M2, "21", "1", "").text("output.setlinfo.setl_id");
        f.cancel("2305", "E2", M2, s2);
        f.send("2402", "{\"dscginfo\":{\"mdtrt_id\":\"" + M2 + "\"}}");
        f.at(TestRegion.H3).time("2026-03-02 09:00:00");
        final String tsv = s1 + "\t" + M1 + "\tE1\t800.00\t180.00\t620.00\t0\n";
        final String up = f.send("9101", "{\"fsUploadIn\":{\"in\":\"" + Base64.getEncoder().encodeToString(
            ZipFiles.zip("d.txt", tsv.getBytes(StandardCharsets.UTF_8), 0)) + "\",\"filename\":\"d.zip\"}}").text("output.file_qury_no");
        final String result = f.send("3202", data("\"file_qury_no\":\"" + up + "\",\"stmt_begndate\":\"2026-03-01\"," +
            "\"stmt_enddate\":\"2026-03-31\"")).text("output.fileinfo.file_qury_no");
        f.send("9002", "{\"signOut\":{\"sign_no\":\"G000000000001\"}}");

        final DeskFixture r = f.replayed();
        // a journal read twice changes nothing
        final long once = r.desk.digest();
        f.ledger.reader().forEach((index, seq, ms, req, res) -> r.desk.apply(req, res, index));
        assertThat(r.desk.digest()).isEqualTo(once);

        assertThat(r.desk.digest()).isEqualTo(f.desk.digest());
        assertThat(r.desk.visits().digest()).isEqualTo(f.desk.visits().digest());
        assertThat(r.desk.reconciliationIndex().digest()).isEqualTo(f.desk.reconciliationIndex().digest());
        assertThat(r.desk.files().digest()).isEqualTo(f.desk.files().digest());
        assertThat(r.state().accountsDigest()).isEqualTo(f.state().accountsDigest());
        assertThat(r.signIn.signedIn(TestRegion.H3)).isFalse();
        assertThat(r.signIn.signedIn(TestRegion.H2)).isTrue();
        r.at(TestRegion.H3).time("2026-03-02 10:00:00").signIn();
        f.at(TestRegion.H3).time("2026-03-02 10:00:00").signIn();
        for (final String[] q : new String[][] {
            {"1101", data("\"psn_no\":\"E1\"")},
            {"5206", data("\"psn_no\":\"E1\"")},
            {"5203", data("\"setl_id\":\"" + s1 + "\"")},
            {"5204", data("\"setl_id\":\"" + s1 + "\"")},
            {"3201", data("\"insutype\":\"310\",\"clr_type\":\"11\",\"stmt_begndate\":\"2026-03-01\",\"stmt_enddate\":" +
                "\"2026-03-31\",\"medfee_sumamt\":800,\"fund_pay_sumamt\":180,\"acct_pay\":620,\"fixmedins_setl_cnt\":1")}})
        {
            final Reply live = f.send(q[0], "Q" + q[0] + "2026030210000000000000000", q[1]);
            final Reply rebuilt = r.send(q[0], "Q" + q[0] + "2026030210000000000000000", q[1]);
            assertThat(live.error()).as(q[0]).isEqualTo(ErrorCode.NONE);
            assertThat(answer(rebuilt)).as(q[0]).isEqualTo(answer(live));
        }
        final String download = "{\"fsDownloadIn\":{\"file_qury_no\":\"" + result + "\"}}";
        assertThat(r.send("9102", download).bytes).isEqualTo(f.send("9102", download).bytes);
        // the re-sent registration still answers the first mdtrt_id; new ids continue the sequences
        final Reply resent = r.send("2201", reg, regInput);
        assertThat(resent.text("output.data.mdtrt_id")).isEqualTo(M1);
        assertThat(resent.journaled).isFalse();
        assertThat(r.register("E3", "MZ2").text("output.data.mdtrt_id")).isEqualTo(f.register("E3", "MZ2").text("output.data.mdtrt_id"));
        assertThat(r.desk.visits().digest()).isEqualTo(f.desk.visits().digest());
        assertThat(r.signIn.digest()).isEqualTo(f.signIn.digest());
    }
}

package io.medgw.gateway.visit;

import io.medgw.codec.ErrorCode;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.recon.ReconRow;
import io.medgw.gateway.recon.ZipFiles;
import io.medgw.gateway.visit.DeskFixture.Reply;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static io.medgw.gateway.visit.DeskFixture.data;
import static io.medgw.gateway.visit.DeskFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The desk's snapshot: a desk loaded from another's snapshot (over a settlement state rebuilt from
 * the same ledger) digests and answers like the desk that saw every request.
 */
final class TransactionDeskSnapshotTest
{
    /** What the first half of the day left, for the second half to use. */
    private static final class Day
    {
        String registrationMsgid;
        String registrationInput;
        String uploadMsgid;
        String uploadInput;
        String m1;
        String m2;
        String m3;
        String s1;
        String s3;
        String uploaded;
        String result;
    }

    static byte[] snapshot(final TransactionDesk desk) throws IOException
    {
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf))
        {
            desk.writeSnapshot(out);
        }
        return buf.toByteArray();
    }

    static void load(final TransactionDesk desk, final byte[] payload) throws IOException
    {
        final DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        desk.readSnapshot(in);
        assertThat(in.read()).as("the desk reads its whole section").isEqualTo(-1);
    }

    private static Reply ok(final Reply r)
    {
        assertThat(r.error()).as("%s", r).isEqualTo(ErrorCode.NONE);
        return r;
    }

    /**
     * Sign-ins at H3 and H2; an outpatient visit M1 with two batches (B1 settled, B2 not); a visit
     * M2 settled and cancelled; an inpatient stay M3 settled; a detail file uploaded and
     * reconciled (3202); a 5204 that made the desk learn the ledger indexes.
     */
    private static Day firstHalf(final DeskFixture f)
    {
        final Day d = new Day();
        ok(f.signIn());
        d.registrationMsgid = f.nextMsgid();
        d.registrationInput = data("\"psn_no\":\"E1\",\"ipt_otp_no\":\"MZ1\",\"mdtrt_cert_type\":\"03\",\"mdtrt_cert_no\":\"CARDE1\"");
        d.m1 = ok(f.send("2201", d.registrationMsgid, d.registrationInput)).text("output.data.mdtrt_id");
        ok(f.upload("2204", line(d.m1, "E1", "F1", "B1", "A001", "2", "300", "600.00"),
            line(d.m1, "E1", "F2", "B1", "B001", "1", "200", "200.00")));
        ok(f.upload("2204", line(d.m1, "E1", "F3", "B2", "C001", "1", "50", "50.00")));
        ok(f.upload("2204", line(d.m1, "E1", "F4", "B3", "C001", "1", "70", "70.00")));
        ok(f.send("2205", data("\"mdtrt_id\":\"" + d.m1 + "\",\"chrg_bchno\":\"B3\"")));
        ok(f.send("2203", "{\"mdtrtinfo\":{\"mdtrt_id\":\"" + d.m1 + "\",\"med_type\":\"11\",\"dise_codg\":\"J00\"}}"));
        d.s1 = ok(f.settle("2207", "E1", d.m1, "11", "1", ",\"chrg_bchno\":\"B1\"")).text("output.setlinfo.setl_id");

        d.m2 = ok(f.register("E3", "MZ2")).text("output.data.mdtrt_id");
        ok(f.upload("2204", line(d.m2, "E3", "K1", "B1", "A001", "1", "100", "100.00")));
        final String s2 = ok(f.settle("2207", "E3", d.m2, "11", "0", "")).text("output.setlinfo.setl_id");
        ok(f.cancel("2208", "E3", d.m2, s2));

        f.at(TestRegion.H2);
        ok(f.signIn());
        d.m3 = ok(f.admit("E2", "ZY1")).text("output.mdtrtinfo.mdtrt_id");
        if (d.m3 == null)
        {
            d.m3 = f.desk.visits().byNumber(TestRegion.H2, true, "ZY1").mdtrtId();
        }
        ok(f.upload("2301", line(d.m3, "E2", "I1", "D1", "A001", "10", "500", "5000.00")));
        d.s3 = ok(f.settle("2304", "E2", d.m3, "21", "1", "")).text("output.setlinfo.setl_id");
        // a query reads the ledger forward and learns where each settlement's record is
        ok(f.send("5204", data("\"setl_id\":\"" + d.s3 + "\"")));

        f.at(TestRegion.H3).time("2026-03-02 09:00:00");
        final String tsv = d.s1 + "\t" + d.m1 + "\tE1\t800.00\t180.00\t620.00\t0\n";
        d.uploadMsgid = f.nextMsgid();
        d.uploadInput = "{\"fsUploadIn\":{\"in\":\"" + Base64.getEncoder().encodeToString(
            ZipFiles.zip("d.txt", tsv.getBytes(StandardCharsets.UTF_8), 0)) + "\",\"filename\":\"d.zip\"}}";
        d.uploaded = ok(f.send("9101", d.uploadMsgid, d.uploadInput)).text("output.file_qury_no");
        d.result = ok(f.send("3202", data("\"file_qury_no\":\"" + d.uploaded + "\",\"stmt_begndate\":\"2026-03-01\"," +
            "\"stmt_enddate\":\"2026-03-31\""))).text("output.fileinfo.file_qury_no");
        return d;
    }

    /** The same request to both; the replies must be byte-identical. @return the first's reply. */
    private static Reply both(final DeskFixture a, final DeskFixture b, final String infno, final String msgid,
        final String input)
    {
        final Reply x = msgid == null ? a.send(infno, input) : a.send(infno, msgid, input);
        final Reply y = msgid == null ? b.send(infno, input) : b.send(infno, msgid, input);
        assertThat(y.error()).as(infno + " error").isEqualTo(x.error());
        assertThat(y.journaled).as(infno + " journaled").isEqualTo(x.journaled);
        assertThat(new String(y.bytes, StandardCharsets.UTF_8)).as(infno + " reply").isEqualTo(new String(x.bytes,
            StandardCharsets.UTF_8));
        assertThat(y.bytes).as(infno + " reply bytes").isEqualTo(x.bytes);
        return x;
    }

    @Test
    void shouldRoundTripToAnEqualDigestAndEqualAnswers() throws IOException
    {
        final DeskFixture f = new DeskFixture();
        final Day d = firstHalf(f);
        final byte[] payload = snapshot(f.desk);
        final DeskFixture r = f.restored(desk -> load(desk, payload));

        assertThat(r.desk.digest()).isEqualTo(f.desk.digest());
        assertThat(r.desk.visits().digest()).isEqualTo(f.desk.visits().digest());
        assertThat(r.desk.reconciliationIndex().digest()).isEqualTo(f.desk.reconciliationIndex().digest());
        assertThat(r.desk.files().digest()).isEqualTo(f.desk.files().digest());
        assertThat(r.signIn.digest()).isEqualTo(f.signIn.digest());
        assertThat(r.desk.visits().visitCount()).isEqualTo(3);
        assertThat(r.desk.files().size()).isEqualTo(2);
        assertThat(r.desk.files().totalBytes()).isEqualTo(f.desk.files().totalBytes());
        assertThat(r.signIn.signedIn(TestRegion.H2)).isTrue();
        assertThat(r.signIn.nextSignNo()).isEqualTo(f.signIn.nextSignNo()).isEqualTo("G000000000003");
        assertThat(r.desk.files().nextId()).isEqualTo(f.desk.files().nextId()).isEqualTo("F000000000003");
        // the visit's lines and marks, the settled visit of each setl_id, the ledger index (not in the digest)
        final Visit m1 = r.desk.visits().visit(d.m1);
        assertThat(m1.line("F1").setlId()).isEqualTo(d.s1);
        assertThat(m1.line("F3").setlId()).isNull();
        assertThat(m1.line("F4")).isNull();
        assertThat(m1.line("F1").fee().inscpScpAmt).isEqualTo(f.desk.visits().visit(d.m1).line("F1").fee().inscpScpAmt);
        assertThat(r.desk.visits().settledVisit(d.s3).mdtrtId()).isEqualTo(d.m3);
        final ReconRow row = r.desk.reconciliationIndex().row(d.s1);
        assertThat(row.ledgerIndex()).isGreaterThanOrEqualTo(0).isEqualTo(f.desk.reconciliationIndex().row(d.s1).ledgerIndex());
        assertThat(r.desk.reconciliationIndex().lastLedgerIndex()).isEqualTo(f.desk.reconciliationIndex().lastLedgerIndex());
        // live, the index and the visits share setl_id strings: so do they after a load
        assertThat(m1.line("F1").setlId()).isSameAs(row.setlId());
        assertThat(m1.fixmedinsCode()).isSameAs(row.fixmedinsCode());

        // a snapshot of the loaded desk loads to the same state again
        final byte[] again = snapshot(r.desk);
        final DeskFixture r2 = r.restored(desk -> load(desk, again));
        assertThat(r2.desk.digest()).isEqualTo(f.desk.digest());

        for (final String[] q : new String[][] {
            {"5203", data("\"setl_id\":\"" + d.s1 + "\"")},
            {"5204", data("\"setl_id\":\"" + d.s1 + "\"")},
            {"9102", "{\"fsDownloadIn\":{\"file_qury_no\":\"" + d.result + "\"}}"},
            {"3201", data("\"insutype\":\"310\",\"clr_type\":\"11\",\"stmt_begndate\":\"2026-03-01\",\"stmt_enddate\":" +
                "\"2026-03-31\",\"medfee_sumamt\":800,\"fund_pay_sumamt\":180,\"acct_pay\":620,\"fixmedins_setl_cnt\":1")}})
        {
            assertThat(both(f, r, q[0], null, q[1]).error()).as(q[0]).isEqualTo(ErrorCode.NONE);
        }
        assertThat(r.desk.digest()).isEqualTo(f.desk.digest());
    }

    @Test
    void shouldContinueFromAMidDaySnapshotLikeTheDeskThatSawEverything() throws IOException
    {
        final DeskFixture full = new DeskFixture();
        final Day d = firstHalf(full);
        final byte[] payload = snapshot(full.desk);
        final DeskFixture restored = full.restored(desk -> load(desk, payload));

        // re-sends get their first answers, not journaled again
        final Reply resent = both(full, restored, "2201", d.registrationMsgid, d.registrationInput);
        assertThat(resent.text("output.data.mdtrt_id")).isEqualTo(d.m1);
        assertThat(resent.journaled).isFalse();
        assertThat(both(full, restored, "9101", d.uploadMsgid, d.uploadInput).text("output.file_qury_no")).isEqualTo(d.uploaded);
        // the same msgid with another body: E3001
        assertThat(both(full, restored, "2201", d.registrationMsgid, data("\"psn_no\":\"E1\",\"ipt_otp_no\":\"MZ9\"")).error())
            .isEqualTo(ErrorCode.E3001);
        // files stored before the snapshot download (raw ZIP bytes)
        final Reply download = both(full, restored, "9102", null, "{\"fsDownloadIn\":{\"file_qury_no\":\"" + d.result + "\"}}");
        assertThat(download.raw).isTrue();
        assertThat(download.bytes.length).isGreaterThan(0);
        // 5204 reads the fee lines at the ledger index the snapshot kept
        assertThat(restored.desk.reconciliationIndex().row(d.s1).ledgerIndex()).isGreaterThanOrEqualTo(0);
        final Reply lines = both(full, restored, "5204", null, data("\"setl_id\":\"" + d.s1 + "\""));
        assertThat(lines.error()).isEqualTo(ErrorCode.NONE);
        assertThat(lines.request().lineCount()).isEqualTo(2);
        // 2207 on a visit of the snapshot gets its unsettled lines: batch B2 only (B1 settled, B3 cancelled)
        final Reply settled = both(full, restored, "2207", null, "{\"data\":{\"psn_no\":\"E1\",\"mdtrt_cert_type\":\"03\"," +
            "\"mdtrt_cert_no\":\"CARDE1\",\"med_type\":\"11\",\"psn_setlway\":\"01\",\"mdtrt_id\":\"" + d.m1 +
            "\",\"acct_used_flag\":\"1\",\"insutype\":\"310\"}}");
        assertThat(settled.error()).isEqualTo(ErrorCode.NONE);
        assertThat(settled.request().lineCount()).isEqualTo(1);
        assertThat(settled.request().line(0).feedetlSn).isEqualTo("F3");
        // a settled batch is refused alike; the cancelled settlement's visit can be settled again
        assertThat(both(full, restored, "2207", null, "{\"data\":{\"psn_no\":\"E1\",\"mdtrt_cert_type\":\"03\"," +
            "\"mdtrt_cert_no\":\"CARDE1\",\"med_type\":\"11\",\"psn_setlway\":\"01\",\"mdtrt_id\":\"" + d.m1 +
            "\",\"acct_used_flag\":\"1\",\"insutype\":\"310\",\"chrg_bchno\":\"B1\"}}").error()).isEqualTo(ErrorCode.E5008);
        final Reply again = both(full, restored, "2207", null, "{\"data\":{\"psn_no\":\"E3\",\"mdtrt_cert_type\":\"03\"," +
            "\"mdtrt_cert_no\":\"CARDE3\",\"med_type\":\"11\",\"psn_setlway\":\"01\",\"mdtrt_id\":\"" + d.m2 +
            "\",\"acct_used_flag\":\"0\",\"insutype\":\"310\"}}");
        assertThat(again.request().lineCount()).isEqualTo(1);
        // sign-out of a restored session, a new sign-in continues the sign_no sequence
        both(full, restored, "9002", null, "{\"signOut\":{\"sign_no\":\"G000000000001\"}}");
        assertThat(restored.signIn.signedIn(TestRegion.H3)).isFalse();
        assertThat(both(full, restored, "9001", null, "{\"signIn\":{\"opter_no\":\"OP1\",\"mac\":\"00-1A-2B-3C-4D-5E\"," +
            "\"ip\":\"10.1.2.3\"}}").text("output.signinoutb.sign_no")).isEqualTo("G000000000003");
        // a number in use stays in use; new visits and files continue their sequences
        assertThat(both(full, restored, "2201", null, data("\"psn_no\":\"E1\",\"ipt_otp_no\":\"MZ1\",\"mdtrt_cert_type\":" +
            "\"03\",\"mdtrt_cert_no\":\"CARDE1\"")).error()).isEqualTo(ErrorCode.E5008);
        final String m4 = both(full, restored, "2201", null, data("\"psn_no\":\"E1\",\"ipt_otp_no\":\"MZ4\"," +
            "\"mdtrt_cert_type\":\"03\",\"mdtrt_cert_no\":\"CARDE1\"")).text("output.data.mdtrt_id");
        assertThat(m4).isNotIn(d.m1, d.m2, d.m3);
        both(full, restored, "2204", null, "{\"feedetail\":[" + line(m4, "E1", "N1", "B1", "A001", "1", "100", "100.00") + "]}");
        final String third = both(full, restored, "9101", null, "{\"fsUploadIn\":{\"in\":\"" +
            Base64.getEncoder().encodeToString("x".getBytes(StandardCharsets.UTF_8)) + "\",\"filename\":\"x.txt\"}}")
            .text("output.file_qury_no");
        assertThat(third).isEqualTo("F000000000003");
        // the inpatient stay: settled, so its lines cannot be cancelled; discharge works alike
        full.at(TestRegion.H2);
        restored.at(TestRegion.H2);
        assertThat(both(full, restored, "2302", null, data("\"mdtrt_id\":\"" + d.m3 + "\",\"chrg_bchno\":\"D1\"")).error())
            .isEqualTo(ErrorCode.E5008);
        assertThat(both(full, restored, "2402", null, "{\"dscginfo\":{\"mdtrt_id\":\"" + d.m3 + "\"}}").error())
            .isEqualTo(ErrorCode.NONE);

        assertThat(restored.desk.digest()).isEqualTo(full.desk.digest());
        assertThat(restored.state().digest()).isEqualTo(full.state().digest());
        // and both equal a desk rebuilt from the whole ledger
        assertThat(full.replayed().desk.digest()).isEqualTo(full.desk.digest());
    }

    @Test
    void shouldRefuseToLoadIntoADeskThatHoldsState() throws IOException
    {
        final DeskFixture f = new DeskFixture();
        firstHalf(f);
        final byte[] payload = snapshot(f.desk);
        final DeskFixture loaded = f.restored(desk -> load(desk, payload));
        assertThatThrownBy(() -> load(loaded.desk, payload)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("fresh desk");

        final DeskFixture signedIn = new DeskFixture();
        ok(signedIn.signIn());
        final long before = signedIn.desk.digest();
        assertThatThrownBy(() -> load(signedIn.desk, payload)).isInstanceOf(IllegalStateException.class);
        assertThat(signedIn.desk.digest()).as("nothing was read").isEqualTo(before);
    }

    @Test
    void shouldFailClearlyOnATruncatedOrForeignPayload() throws IOException
    {
        final DeskFixture f = new DeskFixture();
        firstHalf(f);
        final byte[] payload = snapshot(f.desk);

        for (final int length : new int[] {0, 6, payload.length / 2, payload.length - 1})
        {
            final byte[] cut = Arrays.copyOf(payload, length);
            assertThatThrownBy(() -> new DeskFixture().desk.readSnapshot(new DataInputStream(new ByteArrayInputStream(cut))))
                .as("cut at %d of %d", length, payload.length)
                .isInstanceOf(IOException.class).hasMessageContaining("transaction desk").hasMessageContaining("truncated");
        }

        final byte[] foreign = payload.clone();
        foreign[0] = 0x53; // another section's tag
        assertThatThrownBy(() -> new DeskFixture().desk.readSnapshot(new DataInputStream(new ByteArrayInputStream(foreign))))
            .isInstanceOf(IOException.class).hasMessageContaining("transaction desk").hasMessageContaining("expected tag");

        final byte[] newer = payload.clone();
        newer[7] = 9; // version 9
        assertThatThrownBy(() -> new DeskFixture().desk.readSnapshot(new DataInputStream(new ByteArrayInputStream(newer))))
            .isInstanceOf(IOException.class).hasMessageContaining("version 9");

        final byte[] longer = Arrays.copyOf(payload, payload.length + 4);
        final DataInputStream in = new DataInputStream(new ByteArrayInputStream(longer));
        new DeskFixture().desk.readSnapshot(in);
        assertThat(in.available()).as("the desk stops at its end tag").isEqualTo(4);
    }
}

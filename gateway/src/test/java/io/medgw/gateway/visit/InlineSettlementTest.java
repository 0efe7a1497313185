package io.medgw.gateway.visit;

import io.medgw.codec.ErrorCode;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.visit.DeskFixture.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Settlements that carry their lines inline (pharmacy 2101/2102) touch no visit but feed reconciliation and 5204. */
final class InlineSettlementTest
{
    private final DeskFixture f = new DeskFixture().at(TestRegion.PH);

    private static String druginfo(final String psn)
    {
        return "{\"druginfo\":{\"psn_no\":\"" + psn + "\",\"mdtrt_cert_type\":\"03\",\"mdtrt_cert_no\":\"CARD" + psn +
            "\",\"med_type\":\"41\",\"medfee_sumamt\":30.00,\"psn_setlway\":\"01\",\"acct_used_flag\":\"1\"," +
            "\"insutype\":\"310\"},\"drugdetail\":[{\"feedetl_sn\":\"P1\",\"med_list_codg\":\"A001\",\"cnt\":3," +
            "\"pric\":10.00,\"det_item_fee_sumamt\":30.00,\"rxno\":\"RX1\"}]}";
    }

    @Test
    void shouldSettleAPharmacyPurchaseInline()
    {
        f.signIn();
        final Reply pre = f.send("2101", druginfo("E1"));
        assertThat(pre.error()).isEqualTo(ErrorCode.NONE);
        assertThat(pre.json().fen("output.setlinfo.acct_pay")).isEqualTo(3_000);
        assertThat(f.state().balanceOf("E1")).isEqualTo(100_000);
        final Reply s = f.send("2102", druginfo("E1"));
        assertThat(s.error()).isEqualTo(ErrorCode.NONE);
        assertThat(s.json().setlinfoFen()).containsEntry("medfee_sumamt", 3_000L).containsEntry("fund_pay_sumamt", 0L)
            .containsEntry("acct_pay", 3_000L).containsEntry("balc", 97_000L);
        assertThat(s.text("output.setlinfo.clr_type")).isEqualTo("41");
        final String setlId = s.text("output.setlinfo.setl_id");
        assertThat(f.desk.visits().visitCount()).isZero();
        assertThat(f.desk.reconciliationIndex().row(setlId).ledgerIndex()).isEqualTo(-1);

        final Reply fees = f.send("5204", DeskFixture.data("\"setl_id\":\"" + setlId + "\",\"psn_no\":\"E1\""));
        assertThat(fees.error()).isEqualTo(ErrorCode.NONE);
        assertThat(fees.json().size("output.feedetail")).isEqualTo(1);
        assertThat(fees.text("output.feedetail[0].feedetl_sn")).isEqualTo("P1");
        assertThat(fees.json().fen("output.feedetail[0].det_item_fee_sumamt")).isEqualTo(3_000);
        assertThat(fees.text("output.feedetail[0].cnt")).isEqualTo("3.0000");
        // 5204 found the record by reading the ledger forward (the pipeline reports no index live)
        assertThat(f.desk.reconciliationIndex().row(setlId).ledgerIndex()).isEqualTo(1);
        f.desk.onAppended(s.request(), s.result(), 99);
        assertThat(f.desk.reconciliationIndex().row(setlId).ledgerIndex()).isEqualTo(1);

        final Reply c = f.send("2103", DeskFixture.data("\"setl_id\":\"" + setlId + "\",\"psn_no\":\"E1\""));
        assertThat(c.error()).isEqualTo(ErrorCode.NONE);
        assertThat(f.state().balanceOf("E1")).isEqualTo(100_000);
        assertThat(f.desk.reconciliationIndex().row(c.text("output.setlinfo.setl_id")).refdSetlFlag()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAPharmacyThatHasNotSignedIn()
    {
        assertThat(f.send("2102", druginfo("E1")).error()).isEqualTo(ErrorCode.E1023);
    }
}

package io.medgw.codec.request;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PharmacyShapesTest
{
    private static final String ENVELOPE = "{\"infno\":\"2102\",\"msgid\":\"P32010000007202603161759290030\"," +
        "\"mdtrtarea_admvs\":\"320100\",\"insuplc_admdvs\":\"320100\",\"recer_sys_code\":\"YBXT\",\"infver\":\"V1.0\"," +
        "\"opter_type\":\"1\",\"opter\":\"1\",\"opter_name\":\"x\",\"inf_time\":\"2026-03-16 17:59:29\"," +
        "\"fixmedins_code\":\"P32010000007\",\"fixmedins_name\":\"p\",\"sign_no\":\"1\",\"input\":";
    private static final String LINE = "{\"feedetl_sn\":\"1\",\"med_list_codg\":\"XA01\",\"cnt\":2,\"pric\":1.5,\"det_item_fee_sumamt\":3.00}";

    @Test
    void shouldAcceptPharmacySaleShapedLikeOutpatientWhenDataAndFeedetailAreSent()
    {
        final SettlementRequest req = decode(ENVELOPE + "{\"data\":{\"psn_no\":\"1\",\"med_type\":\"41\",\"medfee_sumamt\":3}," +
            "\"feedetail\":[" + LINE + "]}}");
        assertThat(req.medType).isEqualTo("41");
        assertThat(req.lineCount()).isEqualTo(1);
        assertThat(req.line(0).amountFen).isEqualTo(300);
    }

    @Test
    void shouldAcceptPharmacySaleWhenDruginfoAndDrugdetailAreSent()
    {
        final SettlementRequest req = decode(ENVELOPE + "{\"druginfo\":{\"psn_no\":\"1\",\"med_type\":\"41\",\"medfee_sumamt\":3}," +
            "\"drugdetail\":[" + LINE + "]}}");
        assertThat(req.medType).isEqualTo("41");
        assertThat(req.lineCount()).isEqualTo(1);
    }

    @Test
    void shouldRefuseWhenNeitherDruginfoNorDataIsSent()
    {
        final RequestDecoder decoder = new RequestDecoder();
        final byte[] body = (ENVELOPE + "{\"feedetail\":[" + LINE + "]}}").getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decode(body, 0, body.length, new SettlementRequest())).isEqualTo(ErrorCode.E5002);
        assertThat(decoder.lastErrorMessage()).contains("input.druginfo is missing");
    }

    private static SettlementRequest decode(final String json)
    {
        final RequestDecoder decoder = new RequestDecoder();
        final SettlementRequest req = new SettlementRequest();
        final byte[] body = json.getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decode(body, 0, body.length, req)).as(decoder.lastErrorMessage()).isEqualTo(ErrorCode.NONE);
        return req;
    }
}

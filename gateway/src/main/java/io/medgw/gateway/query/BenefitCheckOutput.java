package io.medgw.gateway.query;

import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.OutputWriter;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.gateway.pipeline.SettlementEvent;

/**
 * Writes the 2001 answer of an eligible person: {@code trtinfo[]} with one row {psn_no, insutype,
 * med_type, fund_pay_type (the basic pool: 310100 for 310, else 390100), trt_enjymnt_flag "1",
 * trt_chk_rslt}. Reads only the slot; any thread.
 */
public final class BenefitCheckOutput
{
    private BenefitCheckOutput()
    {
    }

    /**
     * @param e   a 2001 slot answered successfully.
     * @param enc the encoder ({@link ResponseEncoder#header} already set).
     * @return the sink holding the response.
     */
    public static ByteSink writeOutput(final SettlementEvent e, final ResponseEncoder enc)
    {
        final SettlementResult res = e.result;
        enc.beginOutput();
        final OutputWriter w = enc.output();
        w.beginArray("trtinfo");
        w.beginObject();
        w.writeString("psn_no", res.psnNo);
        w.writeString("insutype", res.insutype);
        w.writeString("med_type", res.medType);
        w.writeString("fund_pay_type", "310".equals(res.insutype) ? "310100" : "390100");
        w.writeString("trt_enjymnt_flag", "1");
        w.writeString("trt_chk_rslt", res.crossRegion ? "符合异地就医待遇享受条件 (eligible, cross-region with a valid 备案)" :
            "符合待遇享受条件 (eligible)");
        w.endObject();
        w.endArray();
        return enc.finish();
    }
}

package io.medgw.gateway.query;

import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.OutputWriter;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.gateway.pipeline.SettlementEvent;

/**
 * Writes the 5204 answer: {@code feedetail[]}, one row per fee line of the settlement, as it was
 * priced when settled: feedetl_sn, mdtrt_id, setl_id, psn_no, chrg_bchno, fee_ocur_time,
 * med_list_codg, medins_list_codg, det_item_fee_sumamt, cnt, pric, pric_uplmt_amt (999999 without a
 * cap), selfpay_prop, fulamt_ownpay_amt, overlmt_amt, preselfpay_amt, inscp_scp_amt, chrgitm_lv,
 * med_chrgitm_type, memo (why a line went 全自费). Reads only the slot; any thread.
 */
public final class FeeListOutput
{
    private static final String[] CHRGITM_LV = {null, "01", "02", "03"};
    /** pric_uplmt_amt of an item without a cap, as in the 2204 result rows (docs/protocol.md §10). */
    private static final long NO_PRICE_CAP_YUAN = 999_999L;

    private FeeListOutput()
    {
    }

    /**
     * @param e   a 5204 slot answered successfully (its request holds the lines).
     * @param enc the encoder ({@link ResponseEncoder#header} already set).
     * @return the sink holding the response.
     */
    public static ByteSink writeOutput(final SettlementEvent e, final ResponseEncoder enc)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        enc.beginOutput();
        final OutputWriter w = enc.output();
        w.beginArray("feedetail");
        for (int i = 0, n = req.lineCount(); i < n; i++)
        {
            final FeeLine l = req.line(i);
            w.beginObject();
            w.writeString("feedetl_sn", l.feedetlSn);
            w.writeString("mdtrt_id", l.mdtrtId != null ? l.mdtrtId : res.mdtrtId);
            w.writeString("setl_id", res.setlId);
            w.writeString("psn_no", l.psnNo != null ? l.psnNo : res.psnNo);
            w.writeString("chrg_bchno", l.chrgBchno);
            w.writeString("fee_ocur_time", l.feeOcurTime);
            w.writeString("med_list_codg", l.medListCodg);
            w.writeString("medins_list_codg", l.medinsListCodg);
            w.writeFen("det_item_fee_sumamt", l.amountFen);
            w.writeQuantity("cnt", l.quantity4);
            w.writeMicro("pric", l.priceMicro);
            if (l.pricUplmtMicro < 0)
            {
                w.writeLong("pric_uplmt_amt", NO_PRICE_CAP_YUAN);
            }
            else
            {
                w.writeMicro("pric_uplmt_amt", l.pricUplmtMicro);
            }
            w.writeRatio("selfpay_prop", l.selfpayPropBp);
            w.writeFen("fulamt_ownpay_amt", l.fulamtOwnpayAmt);
            w.writeFen("overlmt_amt", l.overlmtAmt);
            w.writeFen("preselfpay_amt", l.preselfpayAmt);
            w.writeFen("inscp_scp_amt", l.inscpScpAmt);
            w.writeString("chrgitm_lv", l.chrgitmLv >= 1 && l.chrgitmLv <= 3 ? CHRGITM_LV[l.chrgitmLv] : null);
            w.writeString("med_chrgitm_type", l.medChrgitmType);
            w.writeString("memo", l.ownpayReason);
            w.endObject();
        }
        w.endArray();
        return enc.finish();
    }
}

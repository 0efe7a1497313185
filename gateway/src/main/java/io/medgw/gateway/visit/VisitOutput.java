package io.medgw.gateway.visit;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.OutputWriter;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.gateway.pipeline.SettlementEvent;

/**
 * Writes the successful answers of the visit transactions:
 * <pre>
 *   2201            data{mdtrt_id, psn_no, ipt_otp_no}
 *   2401            result{mdtrt_id, psn_no, ipt_otp_no}
 *   2204, 2301      result[] — one §3.3 row per fee line with its catalogue pricing
 *   2202, 2203, 2205, 2302, 2402, 2404, 2405   {} (an empty output object)
 * </pre>
 * Reads only the slot; any thread that owns the encoder.
 */
public final class VisitOutput
{
    private VisitOutput()
    {
    }

    /**
     * @param e   a visit-transaction slot answered successfully.
     * @param enc the encoder ({@link ResponseEncoder#header} already set).
     * @return the sink holding the response.
     */
    public static ByteSink writeOutput(final SettlementEvent e, final ResponseEncoder enc)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        if (req.txn == 2204 || req.txn == 2301)
        {
            return enc.encodeFeeResults(req);
        }
        enc.beginOutput();
        if (req.txn == 2201 || req.txn == 2401)
        {
            final OutputWriter w = enc.output();
            w.beginObject(req.txn == 2201 ? "data" : "result");
            w.writeString("mdtrt_id", res.mdtrtId);
            w.writeString("psn_no", res.psnNo);
            w.writeString("ipt_otp_no", req.iptOtpNo);
            w.endObject();
        }
        return enc.finish();
    }
}

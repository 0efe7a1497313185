package io.medgw.gateway.recon;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.OutputWriter;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.gateway.pipeline.SettlementEvent;

/**
 * Writes the successful answers of 3201 ({@code stmtinfo}), 3202 ({@code fileinfo}), 9101 (the
 * output's own fields) and 9102 (the raw file bytes, no JSON). Reads only the slot; any thread that
 * owns the encoder.
 */
public final class ReconOutput
{
    private ReconOutput()
    {
    }

    /**
     * @param e            a 3201/3202/9101/9102 slot answered successfully.
     * @param enc          the encoder ({@link ResponseEncoder#header} already set).
     * @param retentionSec how long a stored file can be downloaded (dld_endtime).
     * @return the sink holding the response (for 9102 the file's bytes).
     */
    public static ByteSink writeOutput(final SettlementEvent e, final ResponseEncoder enc, final long retentionSec)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        if (req.txn == 9102)
        {
            final ByteSink sink = enc.sink();
            sink.reset();
            sink.write(res.answerBytes, 0, res.answerBytes.length);
            return sink;
        }
        enc.beginOutput();
        final OutputWriter w = enc.output();
        switch (req.txn)
        {
            case 3201:
                w.beginObject("stmtinfo");
                w.writeString("setl_optins", req.setlOptins != null ? req.setlOptins : res.clrOptins);
                w.writeString("stmt_rslt", res.answerCode);
                w.writeString("stmt_rslt_dscr", res.answerText);
                w.endObject();
                break;
            case 3202:
                w.beginObject("fileinfo");
                w.writeString("file_qury_no", res.issuedNo);
                w.writeString("filename", res.answerText);
                w.writeDateTime("dld_endtime", res.setlTime + retentionSec);
                w.endObject();
                break;
            default:
                w.writeString("file_qury_no", res.issuedNo);
                w.writeString("filename", req.filename);
                w.writeString("fixmedins_code", req.fixmedinsCode);
                w.writeDateTime("dld_endtime", res.setlTime + retentionSec);
                break;
        }
        return enc.finish();
    }
}

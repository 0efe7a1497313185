package io.medgw.gateway.query;

import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.OutputWriter;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.gateway.pipeline.SettlementEvent;

/**
 * Writes the 5206 answer: {@code cuminfo[]} rows {psn_no, insutype, year, cum_type_code,
 * cum_type_name, cum} (cum in yuan). Reads only the slot; any thread.
 */
public final class AccumulatorOutput
{
    private AccumulatorOutput()
    {
    }

    /**
     * @param e   a 5206 slot answered successfully.
     * @param enc the encoder ({@link ResponseEncoder#header} already set).
     * @return the sink holding the response.
     */
    public static ByteSink writeOutput(final SettlementEvent e, final ResponseEncoder enc)
    {
        final SettlementResult r = e.result;
        enc.beginOutput();
        final OutputWriter w = enc.output();
        w.beginArray("cuminfo");
        for (int i = 0; i < r.fundRowCount; i++)
        {
            w.beginObject();
            w.writeString("psn_no", r.psnNo);
            w.writeString("insutype", r.insutype);
            w.writeLong("year", r.accYear);
            w.writeString("cum_type_code", r.fundPayType[i]);
            w.writeString("cum_type_name", r.fundPayTypeName[i]);
            w.writeFen("cum", r.fundPayamt[i]);
            w.endObject();
        }
        w.endArray();
        return enc.finish();
    }
}

package io.medgw.gateway.signin;

import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.OutputWriter;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.gateway.pipeline.SettlementEvent;

/**
 * Writes the successful answers of 9001 ({@code signinoutb{sign_time, sign_no}}) and 9002
 * ({@code signoutoutb{sign_time}}). Reads only the slot; any thread that owns the encoder.
 */
public final class SignInOutput
{
    private SignInOutput()
    {
    }

    /**
     * @param e   a 9001/9002 slot answered successfully.
     * @param enc the encoder ({@link ResponseEncoder#header} already set).
     * @return the sink holding the response.
     */
    public static ByteSink writeOutput(final SettlementEvent e, final ResponseEncoder enc)
    {
        final SettlementResult res = e.result;
        enc.beginOutput();
        final OutputWriter w = enc.output();
        if (e.request.txn == 9001)
        {
            w.beginObject("signinoutb");
            w.writeDateTime("sign_time", res.setlTime);
            w.writeString("sign_no", res.issuedNo);
        }
        else
        {
            w.beginObject("signoutoutb");
            w.writeDateTime("sign_time", res.setlTime);
        }
        w.endObject();
        return enc.finish();
    }
}

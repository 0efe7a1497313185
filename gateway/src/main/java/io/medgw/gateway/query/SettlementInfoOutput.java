package io.medgw.gateway.query;

import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.OutputWriter;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.gateway.pipeline.SettlementEvent;

/**
 * Writes the 5203 answer: {@code setlinfo} with every field of national-interface.md §3.4 as the
 * settlement answered it (its own setl_id, setl_time and clearing fields; {@code medins_setl_id} its
 * msgid; a cancellation's amounts negative) and {@code setldetail[]}. Reads only the slot; any
 * thread.
 */
public final class SettlementInfoOutput
{
    private SettlementInfoOutput()
    {
    }

    /**
     * @param e   a 5203 slot answered successfully.
     * @param enc the encoder ({@link ResponseEncoder#header} already set).
     * @return the sink holding the response.
     */
    public static ByteSink writeOutput(final SettlementEvent e, final ResponseEncoder enc)
    {
        final SettlementResult r = e.result;
        enc.beginOutput();
        final OutputWriter w = enc.output();
        w.beginObject("setlinfo");
        w.writeString("mdtrt_id", r.mdtrtId);
        w.writeString("setl_id", r.setlId);
        w.writeString("psn_no", r.psnNo);
        w.writeString("psn_name", r.psnName);
        w.writeString("psn_cert_type", r.psnCertType);
        w.writeString("certno", r.certno);
        w.writeString("gend", r.gend);
        w.writeString("naty", r.naty);
        w.writeString("brdy", r.brdy);
        PersonInfoOutput.writeAge(w, PersonInfoOutput.ageYears(r.brdy, r.setlDay));
        w.writeString("insutype", r.insutype);
        w.writeString("psn_type", r.psnType);
        w.writeString("cvlserv_flag", r.cvlservFlag);
        w.writeDateTime("setl_time", r.setlTime);
        w.writeString("mdtrt_cert_type", r.mdtrtCertType);
        w.writeString("med_type", r.medType);
        amounts(w, r);
        w.writeString("medins_setl_id", r.answerText);
        w.writeString("clr_optins", r.clrOptins);
        w.writeString("clr_way", r.clrWay);
        w.writeString("clr_type", r.clrType);
        w.writeString("refd_setl_flag", r.sign < 0 ? "1" : "0");
        w.endObject();
        w.beginArray("setldetail");
        for (int i = 0; i < r.fundRowCount; i++)
        {
            w.beginObject();
            w.writeString("fund_pay_type", r.fundPayType[i]);
            w.writeFen("inscp_scp_amt", r.fundInscpAmt[i]);
            if (r.fundCrtPaybLmt[i] < 0)
            {
                w.writeNull("crt_payb_lmt_amt");
            }
            else
            {
                w.writeFen("crt_payb_lmt_amt", r.fundCrtPaybLmt[i]);
            }
            w.writeFen("fund_payamt", r.fundPayamt[i]);
            w.writeString("fund_pay_type_name", r.fundPayTypeName[i]);
            w.writeNull("setl_proc_info");
            w.endObject();
        }
        w.endArray();
        return enc.finish();
    }

    private static void amounts(final OutputWriter w, final SettlementResult r)
    {
        w.writeFen("medfee_sumamt", r.medfeeSumamt);
        w.writeFen("fulamt_ownpay_amt", r.fulamtOwnpayAmt);
        w.writeFen("overlmt_selfpay", r.overlmtSelfpay);
        w.writeFen("preselfpay_amt", r.preselfpayAmt);
        w.writeFen("inscp_scp_amt", r.inscpScpAmt);
        w.writeFen("act_pay_dedc", r.actPayDedc);
        w.writeFen("hifp_pay", r.hifpPay);
        w.writeRatio("pool_prop_selfpay", r.poolRatioBp);
        w.writeFen("cvlserv_pay", r.cvlservPay);
        w.writeFen("hifes_pay", 0);
        w.writeFen("hifmi_pay", r.hifmiPay);
        w.writeFen("hifob_pay", r.hifobPay);
        w.writeFen("maf_pay", r.mafPay);
        w.writeFen("oth_pay", r.othPay);
        w.writeFen("fund_pay_sumamt", r.fundPaySumamt);
        w.writeFen("psn_part_amt", r.psnPartAmt);
        w.writeFen("acct_pay", r.acctPay);
        w.writeFen("psn_cash_pay", r.psnCashPay);
        w.writeFen("hosp_part_amt", r.hospPartAmt);
        w.writeFen("balc", r.balc);
        w.writeFen("acct_mulaid_pay", r.acctMulaidPay);
    }
}

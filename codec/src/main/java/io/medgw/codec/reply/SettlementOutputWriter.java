package io.medgw.codec.reply;

import com.fasterxml.jackson.core.io.SerializedString;
import io.medgw.codec.Dates;
import io.medgw.codec.Transactions;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;

import java.io.IOException;

/**
 * Writes the settlement output nodes: {@code setlinfo} with every field of national-interface.md
 * §3.4, {@code setldetail[]}, and the per-line results ({@code detlcutinfo[]} for settlements,
 * {@code result[]} for 2204/2301, both in the §3.3 row shape). Field names are pre-encoded.
 * Same thread as its {@link OutputWriter}.
 */
final class SettlementOutputWriter
{
    static final SerializedString RESULT = new SerializedString("result");
    static final SerializedString DETLCUTINFO = new SerializedString("detlcutinfo");
    /** setl_proc_info is 4000 characters in the spec. */
    static final int SETL_PROC_INFO_MAX = 4000;
    /** What platforms answer as pric_uplmt_amt when an item has no price cap (2204 sample). */
    static final long NO_PRICE_CAP_YUAN = 999_999L;

    private static final SerializedString SETLINFO = new SerializedString("setlinfo");
    private static final SerializedString SETLDETAIL = new SerializedString("setldetail");
    private static final SerializedString MDTRT_ID = new SerializedString("mdtrt_id");
    private static final SerializedString SETL_ID = new SerializedString("setl_id");
    private static final SerializedString PSN_NO = new SerializedString("psn_no");
    private static final SerializedString PSN_NAME = new SerializedString("psn_name");
    private static final SerializedString PSN_CERT_TYPE = new SerializedString("psn_cert_type");
    private static final SerializedString CERTNO = new SerializedString("certno");
    private static final SerializedString GEND = new SerializedString("gend");
    private static final SerializedString NATY = new SerializedString("naty");
    private static final SerializedString BRDY = new SerializedString("brdy");
    private static final SerializedString AGE = new SerializedString("age");
    private static final SerializedString INSUTYPE = new SerializedString("insutype");
    private static final SerializedString PSN_TYPE = new SerializedString("psn_type");
    private static final SerializedString CVLSERV_FLAG = new SerializedString("cvlserv_flag");
    private static final SerializedString SETL_TIME = new SerializedString("setl_time");
    private static final SerializedString MDTRT_CERT_TYPE = new SerializedString("mdtrt_cert_type");
    private static final SerializedString MED_TYPE = new SerializedString("med_type");
    private static final SerializedString MEDFEE_SUMAMT = new SerializedString("medfee_sumamt");
    private static final SerializedString FULAMT_OWNPAY_AMT = new SerializedString("fulamt_ownpay_amt");
    private static final SerializedString OVERLMT_SELFPAY = new SerializedString("overlmt_selfpay");
    private static final SerializedString PRESELFPAY_AMT = new SerializedString("preselfpay_amt");
    private static final SerializedString INSCP_SCP_AMT = new SerializedString("inscp_scp_amt");
    private static final SerializedString ACT_PAY_DEDC = new SerializedString("act_pay_dedc");
    private static final SerializedString HIFP_PAY = new SerializedString("hifp_pay");
    private static final SerializedString POOL_PROP_SELFPAY = new SerializedString("pool_prop_selfpay");
    private static final SerializedString CVLSERV_PAY = new SerializedString("cvlserv_pay");
    private static final SerializedString HIFES_PAY = new SerializedString("hifes_pay");
    private static final SerializedString HIFMI_PAY = new SerializedString("hifmi_pay");
    private static final SerializedString HIFOB_PAY = new SerializedString("hifob_pay");
    private static final SerializedString MAF_PAY = new SerializedString("maf_pay");
    private static final SerializedString OTH_PAY = new SerializedString("oth_pay");
    private static final SerializedString FUND_PAY_SUMAMT = new SerializedString("fund_pay_sumamt");
    private static final SerializedString PSN_PART_AMT = new SerializedString("psn_part_amt");
    private static final SerializedString ACCT_PAY = new SerializedString("acct_pay");
    private static final SerializedString PSN_CASH_PAY = new SerializedString("psn_cash_pay");
    private static final SerializedString HOSP_PART_AMT = new SerializedString("hosp_part_amt");
    private static final SerializedString BALC = new SerializedString("balc");
    private static final SerializedString ACCT_MULAID_PAY = new SerializedString("acct_mulaid_pay");
    private static final SerializedString MEDINS_SETL_ID = new SerializedString("medins_setl_id");
    private static final SerializedString CLR_OPTINS = new SerializedString("clr_optins");
    private static final SerializedString CLR_WAY = new SerializedString("clr_way");
    private static final SerializedString CLR_TYPE = new SerializedString("clr_type");
    private static final SerializedString FUND_PAY_TYPE = new SerializedString("fund_pay_type");
    private static final SerializedString CRT_PAYB_LMT_AMT = new SerializedString("crt_payb_lmt_amt");
    private static final SerializedString FUND_PAYAMT = new SerializedString("fund_payamt");
    private static final SerializedString FUND_PAY_TYPE_NAME = new SerializedString("fund_pay_type_name");
    private static final SerializedString SETL_PROC_INFO = new SerializedString("setl_proc_info");
    private static final SerializedString FEEDETL_SN = new SerializedString("feedetl_sn");
    private static final SerializedString DET_ITEM_FEE_SUMAMT = new SerializedString("det_item_fee_sumamt");
    private static final SerializedString CNT = new SerializedString("cnt");
    private static final SerializedString PRIC = new SerializedString("pric");
    private static final SerializedString PRIC_UPLMT_AMT = new SerializedString("pric_uplmt_amt");
    private static final SerializedString SELFPAY_PROP = new SerializedString("selfpay_prop");
    private static final SerializedString OVERLMT_AMT = new SerializedString("overlmt_amt");
    private static final SerializedString CHRGITM_LV_NAME = new SerializedString("chrgitm_lv");
    private static final SerializedString MED_CHRGITM_TYPE = new SerializedString("med_chrgitm_type");
    private static final SerializedString MEMO = new SerializedString("memo");
    /** Catalogue flags of a §3.3 row that the reference data does not carry: written as null. */
    private static final SerializedString[] UNKNOWN_FLAGS = {
        new SerializedString("bas_medn_flag"), new SerializedString("hi_nego_drug_flag"),
        new SerializedString("chld_medc_flag"), new SerializedString("list_sp_item_flag"),
        new SerializedString("lmt_used_flag"), new SerializedString("drt_reim_flag") };
    private static final String[] CHRGITM_LV = { null, "01", "02", "03" };

    private final OutputWriter w;

    SettlementOutputWriter(final OutputWriter writer)
    {
        this.w = writer;
    }

    void write(final SettlementRequest req, final SettlementResult res) throws IOException
    {
        setlinfo(req, res);
        setldetail(res);
        lines(DETLCUTINFO, req);
    }

    private void setlinfo(final SettlementRequest req, final SettlementResult res) throws IOException
    {
        // A pre-settlement (2206, 2303, 2101) has no settlement id, time or clearing fields.
        final boolean settled = Transactions.changesState(req.txn);
        w.field(SETLINFO);
        w.startObject();
        text(MDTRT_ID, res.mdtrtId);
        text(SETL_ID, settled ? res.setlId : null);
        text(PSN_NO, res.psnNo);
        text(PSN_NAME, res.psnName);
        text(PSN_CERT_TYPE, res.psnCertType);
        text(CERTNO, res.certno);
        text(GEND, res.gend);
        text(NATY, res.naty);
        text(BRDY, res.brdy);
        w.field(AGE);
        final int age = ageYears(res.brdy, res.setlDay);
        if (age < 0)
        {
            w.nullValue();
        }
        else
        {
            w.scaledValue(age * 10L, 1);
        }
        text(INSUTYPE, res.insutype);
        text(PSN_TYPE, res.psnType);
        text(CVLSERV_FLAG, res.cvlservFlag);
        w.field(SETL_TIME);
        w.dateTimeValue(settled && res.setlTime != 0 ? res.setlTime : SettlementRequest.ABSENT);
        text(MDTRT_CERT_TYPE, res.mdtrtCertType);
        text(MED_TYPE, res.medType);
        scaled(MEDFEE_SUMAMT, res.medfeeSumamt, 2);
        scaled(FULAMT_OWNPAY_AMT, res.fulamtOwnpayAmt, 2);
        scaled(OVERLMT_SELFPAY, res.overlmtSelfpay, 2);
        scaled(PRESELFPAY_AMT, res.preselfpayAmt, 2);
        scaled(INSCP_SCP_AMT, res.inscpScpAmt, 2);
        scaled(ACT_PAY_DEDC, res.actPayDedc, 2);
        scaled(HIFP_PAY, res.hifpPay, 2);
        scaled(POOL_PROP_SELFPAY, res.poolRatioBp, 4);
        scaled(CVLSERV_PAY, res.cvlservPay, 2);
        scaled(HIFES_PAY, 0, 2); // 企业补充 is not part of the rules
        scaled(HIFMI_PAY, res.hifmiPay, 2);
        scaled(HIFOB_PAY, res.hifobPay, 2);
        scaled(MAF_PAY, res.mafPay, 2);
        scaled(OTH_PAY, res.othPay, 2);
        scaled(FUND_PAY_SUMAMT, res.fundPaySumamt, 2);
        scaled(PSN_PART_AMT, res.psnPartAmt, 2);
        scaled(ACCT_PAY, res.acctPay, 2);
        scaled(PSN_CASH_PAY, res.psnCashPay, 2);
        scaled(HOSP_PART_AMT, res.hospPartAmt, 2);
        scaled(BALC, res.balc, 2);
        scaled(ACCT_MULAID_PAY, res.acctMulaidPay, 2);
        text(MEDINS_SETL_ID, req.msgid);
        text(CLR_OPTINS, settled ? res.clrOptins : null);
        text(CLR_WAY, settled ? res.clrWay : null);
        text(CLR_TYPE, settled ? res.clrType : null);
        w.end(false);
    }

    private void setldetail(final SettlementResult res) throws IOException
    {
        w.startArray(SETLDETAIL);
        final boolean explain = res.explain != null && res.explain.length() > 0;
        for (int i = 0; i < res.fundRowCount; i++)
        {
            w.startObject();
            text(FUND_PAY_TYPE, res.fundPayType[i]);
            scaled(INSCP_SCP_AMT, res.fundInscpAmt[i], 2);
            w.field(CRT_PAYB_LMT_AMT);
            if (res.fundCrtPaybLmt[i] == -1)
            {
                w.nullValue();
            }
            else
            {
                w.scaledValue(res.fundCrtPaybLmt[i], 2);
            }
            scaled(FUND_PAYAMT, res.fundPayamt[i], 2);
            text(FUND_PAY_TYPE_NAME, res.fundPayTypeName[i]);
            w.field(SETL_PROC_INFO);
            if (i == 0 && explain)
            {
                w.charsValue(res.explain, SETL_PROC_INFO_MAX);
            }
            else
            {
                w.nullValue();
            }
            w.end(false);
        }
        w.end(true);
    }

    void lines(final SerializedString node, final SettlementRequest req) throws IOException
    {
        w.startArray(node);
        for (int i = 0, n = req.lineCount(); i < n; i++)
        {
            line(req.line(i));
        }
        w.end(true);
    }

    void line(final FeeLine line) throws IOException
    {
        w.startObject();
        text(FEEDETL_SN, line.feedetlSn);
        scaled(DET_ITEM_FEE_SUMAMT, line.amountFen, 2);
        scaled(CNT, line.quantity4, 4);
        scaled(PRIC, line.priceMicro, 6);
        if (line.pricUplmtMicro < 0)
        {
            scaled(PRIC_UPLMT_AMT, NO_PRICE_CAP_YUAN, 0);
        }
        else
        {
            scaled(PRIC_UPLMT_AMT, line.pricUplmtMicro, 6);
        }
        scaled(SELFPAY_PROP, line.selfpayPropBp, 4);
        scaled(FULAMT_OWNPAY_AMT, line.fulamtOwnpayAmt, 2);
        scaled(OVERLMT_AMT, line.overlmtAmt, 2);
        scaled(PRESELFPAY_AMT, line.preselfpayAmt, 2);
        scaled(INSCP_SCP_AMT, line.inscpScpAmt, 2);
        text(CHRGITM_LV_NAME, line.chrgitmLv >= 1 && line.chrgitmLv <= 3 ? CHRGITM_LV[line.chrgitmLv] : null);
        text(MED_CHRGITM_TYPE, line.medChrgitmType);
        for (final SerializedString flag : UNKNOWN_FLAGS)
        {
            text(flag, null);
        }
        text(MEMO, line.ownpayReason);
        w.end(false);
    }

    private void text(final SerializedString name, final String value) throws IOException
    {
        w.field(name);
        w.textValue(value);
    }

    private void scaled(final SerializedString name, final long value, final int scale) throws IOException
    {
        w.field(name);
        w.scaledValue(value, scale);
    }

    /**
     * @param brdy     birth date {@code yyyy-MM-dd}, or null.
     * @param setlDay  the settlement's epoch day (0 when unknown).
     * @return completed years on the settlement day, or -1 when either is unknown.
     */
    static int ageYears(final String brdy, final int setlDay)
    {
        if (brdy == null || setlDay == 0)
        {
            return -1;
        }
        final int born = Dates.parseDate(brdy);
        if (born == Dates.NOT_A_DATE || born > setlDay)
        {
            return -1;
        }
        final int y1 = Dates.yearOf(born);
        int month = 12;
        while (Dates.ofYmd(y1, month, 1) > born)
        {
            month--;
        }
        final int dom = born - Dates.ofYmd(y1, month, 1) + 1;
        final int y2 = Dates.yearOf(setlDay);
        int birthday = Dates.ofYmd(y2, month, dom);
        if (birthday == Dates.NOT_A_DATE)
        {
            birthday = Dates.ofYmd(y2, 3, 1); // born 29 February, not a leap year
        }
        return y2 - y1 - (birthday > setlDay ? 1 : 0);
    }
}

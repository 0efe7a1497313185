package io.medgw.codec.reply;

import io.medgw.codec.Dates;
import io.medgw.codec.Transactions;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;


/**
 * Writes the settlement output nodes: {@code setlinfo} with every field of national-interface.md
 * §3.4, {@code setldetail[]}, and the per-line results ({@code detlcutinfo[]} for settlements,
 * {@code result[]} for 2204/2301, both in the §3.3 row shape). Field names are pre-encoded ({@link JsonWriter#name}).
 * Same thread as its {@link OutputWriter}.
 */
final class SettlementOutputWriter
{
    static final byte[] RESULT = JsonWriter.name("result");
    static final byte[] DETLCUTINFO = JsonWriter.name("detlcutinfo");
    /** setl_proc_info is 4000 characters in the spec. */
    static final int SETL_PROC_INFO_MAX = 4000;
    /** What platforms answer as pric_uplmt_amt when an item has no price cap (2204 sample). */
    static final long NO_PRICE_CAP_YUAN = 999_999L;

    private static final byte[] SETLINFO = JsonWriter.name("setlinfo");
    private static final byte[] SETLDETAIL = JsonWriter.name("setldetail");
    private static final byte[] MDTRT_ID = JsonWriter.name("mdtrt_id");
    private static final byte[] SETL_ID = JsonWriter.name("setl_id");
    private static final byte[] PSN_NO = JsonWriter.name("psn_no");
    private static final byte[] PSN_NAME = JsonWriter.name("psn_name");
    private static final byte[] PSN_CERT_TYPE = JsonWriter.name("psn_cert_type");
    private static final byte[] CERTNO = JsonWriter.name("certno");
    private static final byte[] GEND = JsonWriter.name("gend");
    private static final byte[] NATY = JsonWriter.name("naty");
    private static final byte[] BRDY = JsonWriter.name("brdy");
    private static final byte[] AGE = JsonWriter.name("age");
    private static final byte[] INSUTYPE = JsonWriter.name("insutype");
    private static final byte[] PSN_TYPE = JsonWriter.name("psn_type");
    private static final byte[] CVLSERV_FLAG = JsonWriter.name("cvlserv_flag");
    private static final byte[] SETL_TIME = JsonWriter.name("setl_time");
    private static final byte[] MDTRT_CERT_TYPE = JsonWriter.name("mdtrt_cert_type");
    private static final byte[] MED_TYPE = JsonWriter.name("med_type");
    private static final byte[] MEDFEE_SUMAMT = JsonWriter.name("medfee_sumamt");
    private static final byte[] FULAMT_OWNPAY_AMT = JsonWriter.name("fulamt_ownpay_amt");
    private static final byte[] OVERLMT_SELFPAY = JsonWriter.name("overlmt_selfpay");
    private static final byte[] PRESELFPAY_AMT = JsonWriter.name("preselfpay_amt");
    private static final byte[] INSCP_SCP_AMT = JsonWriter.name("inscp_scp_amt");
    private static final byte[] ACT_PAY_DEDC = JsonWriter.name("act_pay_dedc");
    private static final byte[] HIFP_PAY = JsonWriter.name("hifp_pay");
    private static final byte[] POOL_PROP_SELFPAY = JsonWriter.name("pool_prop_selfpay");
    private static final byte[] CVLSERV_PAY = JsonWriter.name("cvlserv_pay");
    private static final byte[] HIFES_PAY = JsonWriter.name("hifes_pay");
    private static final byte[] HIFMI_PAY = JsonWriter.name("hifmi_pay");
    private static final byte[] HIFOB_PAY = JsonWriter.name("hifob_pay");
    private static final byte[] MAF_PAY = JsonWriter.name("maf_pay");
    private static final byte[] OTH_PAY = JsonWriter.name("oth_pay");
    private static final byte[] FUND_PAY_SUMAMT = JsonWriter.name("fund_pay_sumamt");
    private static final byte[] PSN_PART_AMT = JsonWriter.name("psn_part_amt");
    private static final byte[] ACCT_PAY = JsonWriter.name("acct_pay");
    private static final byte[] PSN_CASH_PAY = JsonWriter.name("psn_cash_pay");
    private static final byte[] HOSP_PART_AMT = JsonWriter.name("hosp_part_amt");
    private static final byte[] BALC = JsonWriter.name("balc");
    private static final byte[] ACCT_MULAID_PAY = JsonWriter.name("acct_mulaid_pay");
    private static final byte[] MEDINS_SETL_ID = JsonWriter.name("medins_setl_id");
    private static final byte[] CLR_OPTINS = JsonWriter.name("clr_optins");
    private static final byte[] CLR_WAY = JsonWriter.name("clr_way");
    private static final byte[] CLR_TYPE = JsonWriter.name("clr_type");
    private static final byte[] FUND_PAY_TYPE = JsonWriter.name("fund_pay_type");
    private static final byte[] CRT_PAYB_LMT_AMT = JsonWriter.name("crt_payb_lmt_amt");
    private static final byte[] FUND_PAYAMT = JsonWriter.name("fund_payamt");
    private static final byte[] FUND_PAY_TYPE_NAME = JsonWriter.name("fund_pay_type_name");
    private static final byte[] SETL_PROC_INFO = JsonWriter.name("setl_proc_info");
    private static final byte[] FEEDETL_SN = JsonWriter.name("feedetl_sn");
    private static final byte[] DET_ITEM_FEE_SUMAMT = JsonWriter.name("det_item_fee_sumamt");
    private static final byte[] CNT = JsonWriter.name("cnt");
    private static final byte[] PRIC = JsonWriter.name("pric");
    private static final byte[] PRIC_UPLMT_AMT = JsonWriter.name("pric_uplmt_amt");
    private static final byte[] SELFPAY_PROP = JsonWriter.name("selfpay_prop");
    private static final byte[] OVERLMT_AMT = JsonWriter.name("overlmt_amt");
    private static final byte[] CHRGITM_LV_NAME = JsonWriter.name("chrgitm_lv");
    private static final byte[] MED_CHRGITM_TYPE = JsonWriter.name("med_chrgitm_type");
    private static final byte[] MEMO = JsonWriter.name("memo");
    /** Catalogue flags of a §3.3 row that the reference data does not carry: written as null. */
    private static final byte[][] UNKNOWN_FLAGS = {
        JsonWriter.name("bas_medn_flag"), JsonWriter.name("hi_nego_drug_flag"),
        JsonWriter.name("chld_medc_flag"), JsonWriter.name("list_sp_item_flag"),
        JsonWriter.name("lmt_used_flag"), JsonWriter.name("drt_reim_flag") };
    private static final String[] CHRGITM_LV = { null, "01", "02", "03" };

    private final OutputWriter w;

    SettlementOutputWriter(final OutputWriter writer)
    {
        this.w = writer;
    }

    void write(final SettlementRequest req, final SettlementResult res)
    {
        setlinfo(req, res);
        setldetail(res);
        lines(DETLCUTINFO, req);
    }

    private void setlinfo(final SettlementRequest req, final SettlementResult res)
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

    private void setldetail(final SettlementResult res)
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

    void lines(final byte[] node, final SettlementRequest req)
    {
        w.startArray(node);
        for (int i = 0, n = req.lineCount(); i < n; i++)
        {
            line(req.line(i));
        }
        w.end(true);
    }

    void line(final FeeLine line)
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
        for (final byte[] flag : UNKNOWN_FLAGS)
        {
            text(flag, null);
        }
        text(MEMO, line.ownpayReason);
        w.end(false);
    }

    private void text(final byte[] name, final String value)
    {
        w.field(name);
        w.textValue(value);
    }

    private void scaled(final byte[] name, final long value, final int scale)
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

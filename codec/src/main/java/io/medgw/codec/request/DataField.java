package io.medgw.codec.request;

import io.medgw.codec.message.SettlementRequest;

/**
 * The fields of the object input nodes ({@code data}, {@code druginfo}, {@code mdtrtinfo},
 * {@code dscginfo}, {@code signIn}, {@code signOut}, {@code fsUploadIn}, {@code fsDownloadIn})
 * the decoder fills into {@link SettlementRequest}, with their maximum length (national-interface.md
 * §3 tables) and how the value is read. Several wire names may fill one request field (2401's
 * {@code ipt_no} and {@code adm_dept_codg}, 2402's {@code dscg_dept_codg}). Immutable.
 */
enum DataField
{
    PSN_NO("psn_no", 30),
    MDTRT_CERT_TYPE("mdtrt_cert_type", 3),
    MDTRT_CERT_NO("mdtrt_cert_no", 50),
    CARD_SN("card_sn", 32),
    PSN_CERT_TYPE("psn_cert_type", 6),
    CERTNO("certno", 50),
    PSN_NAME("psn_name", 50),
    MED_TYPE("med_type", 6),
    MEDFEE_SUMAMT("medfee_sumamt", Kind.AMOUNT),
    PSN_SETLWAY("psn_setlway", 6),
    MDTRT_ID("mdtrt_id", 30),
    CHRG_BCHNO("chrg_bchno", 30),
    ACCT_USED_FLAG("acct_used_flag", 3),
    INSUTYPE("insutype", 6),
    INVONO("invono", 30),
    DISE_CODG("dise_codg", 30),
    SETL_ID("setl_id", 30),
    OMSGID("omsgid", 30),
    OINFNO("oinfno", 6),
    BEGNTIME("begntime", 19),
    IPT_OTP_NO("ipt_otp_no", 30),
    IPT_NO("ipt_no", 30),
    ATDDR_NO("atddr_no", 30),
    DR_NAME("dr_name", 50),
    CHFPDR_NAME("chfpdr_name", 50),
    DEPT_CODE("dept_code", 30),
    DEPT_NAME("dept_name", 100),
    ADM_DEPT_CODG("adm_dept_codg", 30),
    ADM_DEPT_NAME("adm_dept_name", 100),
    DSCG_DEPT_CODG("dscg_dept_codg", 30),
    DSCG_DEPT_NAME("dscg_dept_name", 100),
    CATY("caty", 6),
    ENDTIME("endtime", 19),
    FULAMT_OWNPAY_AMT("fulamt_ownpay_amt", Kind.AMOUNT),
    OVERLMT_SELFPAY("overlmt_selfpay", Kind.AMOUNT),
    PRESELFPAY_AMT("preselfpay_amt", Kind.AMOUNT),
    INSCP_SCP_AMT("inscp_scp_amt", Kind.AMOUNT),
    OPTER_NO("opter_no", 30),
    MAC("mac", 40),
    IP("ip", 40),
    SIGN_NO("sign_no", 64),
    CLR_TYPE("clr_type", 6),
    SETL_OPTINS("setl_optins", 6),
    STMT_BEGNDATE("stmt_begndate", 10),
    STMT_ENDDATE("stmt_enddate", 10),
    FUND_PAY_SUMAMT("fund_pay_sumamt", Kind.AMOUNT),
    ACCT_PAY("acct_pay", Kind.AMOUNT),
    CASH_PAYAMT("cash_payamt", Kind.AMOUNT),
    FIXMEDINS_SETL_CNT("fixmedins_setl_cnt", Kind.COUNT),
    REFD_SETL_FLAG("refd_setl_flag", 6),
    FILE_QURY_NO("file_qury_no", 30),
    FILENAME("filename", 200),
    CUM_YM("cum_ym", 6),
    IN("in", Kind.FILE);

    /** How a field's value is read. */
    enum Kind
    {
        TEXT, AMOUNT, COUNT, FILE
    }

    final String wireName;
    final int maxLength;
    final Kind kind;

    DataField(final String wireName, final int maxLength)
    {
        this(wireName, maxLength, Kind.TEXT);
    }

    DataField(final String wireName, final Kind kind)
    {
        this(wireName, 0, kind);
    }

    DataField(final String wireName, final int maxLength, final Kind kind)
    {
        this.wireName = wireName;
        this.maxLength = maxLength;
        this.kind = kind;
    }

    /** Stores a text value ({@link Kind#TEXT}). @param req target @param v non-null value */
    void set(final SettlementRequest req, final String v)
    {
        switch (this)
        {
            case PSN_NO -> req.psnNo = v;
            case MDTRT_CERT_TYPE -> req.mdtrtCertType = v;
            case MDTRT_CERT_NO -> req.mdtrtCertNo = v;
            case CARD_SN -> req.cardSn = v;
            case PSN_CERT_TYPE -> req.psnCertType = v;
            case CERTNO -> req.certno = v;
            case PSN_NAME -> req.psnName = v;
            case MED_TYPE -> req.medType = v;
            case PSN_SETLWAY -> req.psnSetlway = v;
            case MDTRT_ID -> req.mdtrtId = v;
            case CHRG_BCHNO -> req.chrgBchno = v;
            case ACCT_USED_FLAG -> req.acctUsedFlag = "1".equals(v);
            case INSUTYPE -> req.insutype = v;
            case INVONO -> req.invono = v;
            case DISE_CODG -> req.diseCodg = v;
            case SETL_ID -> req.setlId = v;
            case OMSGID -> req.omsgid = v;
            case OINFNO -> req.oinfno = v;
            case BEGNTIME -> req.begntime = v;
            case IPT_OTP_NO, IPT_NO -> req.iptOtpNo = v;
            case ATDDR_NO -> req.atddrNo = v;
            case DR_NAME, CHFPDR_NAME -> req.drName = v;
            case DEPT_CODE, ADM_DEPT_CODG, DSCG_DEPT_CODG -> req.deptCode = v;
            case DEPT_NAME, ADM_DEPT_NAME, DSCG_DEPT_NAME -> req.deptName = v;
            case CATY -> req.caty = v;
            case ENDTIME -> req.endtime = v;
            case OPTER_NO -> req.opterNo = v;
            case MAC -> req.mac = v;
            case IP -> req.ip = v;
            case SIGN_NO -> req.signNo = v;
            case CLR_TYPE -> req.clrType = v;
            case SETL_OPTINS -> req.setlOptins = v;
            case STMT_BEGNDATE -> req.stmtBegndate = v;
            case STMT_ENDDATE -> req.stmtEnddate = v;
            case REFD_SETL_FLAG -> req.refdSetlFlag = v;
            case FILE_QURY_NO -> req.fileQuryNo = v;
            case FILENAME -> req.filename = v;
            case CUM_YM -> req.cumYm = v;
            default -> throw new IllegalStateException(name() + " is not a text field");
        }
    }

    /** Stores a number ({@link Kind#AMOUNT} in fen, {@link Kind#COUNT}). @param req target @param v value */
    void set(final SettlementRequest req, final long v)
    {
        switch (this)
        {
            case MEDFEE_SUMAMT -> req.medfeeSumamt = v;
            case FULAMT_OWNPAY_AMT -> req.fulamtOwnpayAmt = v;
            case OVERLMT_SELFPAY -> req.overlmtSelfpay = v;
            case PRESELFPAY_AMT -> req.preselfpayAmt = v;
            case INSCP_SCP_AMT -> req.inscpScpAmt = v;
            case FUND_PAY_SUMAMT -> req.fundPaySumamt = v;
            case ACCT_PAY -> req.acctPay = v;
            case CASH_PAYAMT -> req.cashPayamt = v;
            case FIXMEDINS_SETL_CNT -> req.fixmedinsSetlCnt = v;
            default -> throw new IllegalStateException(name() + " is not a numeric field");
        }
    }
}

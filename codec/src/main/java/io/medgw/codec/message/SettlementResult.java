package io.medgw.codec.message;

import io.medgw.codec.ErrorCode;

/**
 * The outcome of one request: the refusal, or every amount of {@code setlinfo} and
 * {@code setldetail}, plus the accumulator effects the settlement applied (what a reversal must
 * subtract and what the ledger records). Mutable and reused (one per ring slot); {@link #clear()}
 * resets it. All amounts are fen; ratios basis points.
 * <p>
 * Written by the stages in order: identity (error, person fields, class), pricing (the four
 * parts), split (funds, personal payment, effects), ledger (ids, reference version). Read by the
 * encoder and the ledger writer.
 */
public final class SettlementResult
{
    public static final int MAX_FUND_ROWS = 32;

    // ---- outcome ----
    public ErrorCode error = ErrorCode.NONE;
    /** The cashier message after the code ("E1001: ..."), or null on success. */
    public String errorMessage;

    // ---- identifiers (ledger / engine) ----
    public String setlId;
    public String mdtrtId;
    /** For a cancel: the setl_id it cancels. */
    public String origSetlId;
    /** Reference-data version that priced this settlement. */
    public String refVersion;
    /** The settlement date (epoch day) the rules used. */
    public int setlDay;
    /** setl_time as local epoch seconds. */
    public long setlTime;
    /** 1 for a settlement, -1 for a cancellation (amounts negated), 0 for no money moved. */
    public int sign;

    // ---- person (identity) ----
    public String psnNo;
    public String psnName;
    public String psnCertType;
    public String certno;
    public String gend;
    public String naty;
    public String brdy;
    public String insutype;
    public String psnType;
    public String cvlservFlag;
    public String mdtrtCertType;
    public String medType;
    public String insuplcAdmdvs;
    /** Settling institution's pooling region (clr_optins). */
    public String clrOptins;
    public String clrType;
    public String clrWay;
    /** BenefitClass ordinal (gateway), or -1. */
    public int benefitClass;
    /** Institution level used (0..3). */
    public int hospLv;
    /** 1 when 异地. */
    public boolean crossRegion;

    // ---- pricing ----
    public long medfeeSumamt;
    public long fulamtOwnpayAmt;
    public long overlmtSelfpay;
    public long preselfpayAmt;
    public long inscpScpAmt;

    // ---- split ----
    public long actPayDedc;
    public long hifpPay;
    /** The pool ratio applied (after 异地 adjustment), bp. */
    public int poolRatioBp;
    public long hifobPay;
    public long hifmiPay;
    public long cvlservPay;
    public long mafPay;
    public long othPay;
    public long fundPaySumamt;
    public long psnPartAmt;
    public long acctPay;
    public long acctMulaidPay;
    public long psnCashPay;
    public long hospPartAmt;
    /** The person's own account balance after the settlement. */
    public long balc;

    // ---- setldetail rows ----
    public int fundRowCount;
    public final String[] fundPayType = new String[MAX_FUND_ROWS];
    public final String[] fundPayTypeName = new String[MAX_FUND_ROWS];
    public final long[] fundPayamt = new long[MAX_FUND_ROWS];
    public final long[] fundInscpAmt = new long[MAX_FUND_ROWS];
    /** 本次可支付限额: what the fund could still pay this time (fen), or -1 for none. */
    public final long[] fundCrtPaybLmt = new long[MAX_FUND_ROWS];

    // ---- accumulator effects (what a reversal subtracts; all ≥ 0 for a settlement) ----
    /** Calendar year of the accumulators touched. */
    public int accYear;
    /** BenefitClass ordinal whose annual deductible was used, or -1 (per-settlement deductible). */
    public int dedClass;
    public long dedUsed;
    /** CapGroup ordinal the pool paid against, or -1. */
    public int poolGroup;
    public long poolPaid;
    public long largePaid;
    /** Serious-illness running total added ({@code s}). */
    public long seriousBase;
    public long seriousPaid;
    public long civilPaid;
    public long assistDedUsed;
    public long assistPaid;
    public int nFundCount;
    public final String[] nFundCode = new String[MAX_FUND_ROWS];
    public final long[] nFundPaid = new long[MAX_FUND_ROWS];
    /** psn_no of the 共济 holder debited, or null. */
    public String mulaidHolderPsnNo;

    /** Rule-by-rule explanation (settle --explain and setl_proc_info), or null when not asked. */
    public StringBuilder explain;

    // ---- answers of the non-settlement transactions (gateway TransactionDesk) ----
    /**
     * The number the answer hands out: 9001 {@code sign_no}, 9101 and 3202 {@code file_qury_no};
     * null otherwise. Journaled with 9001, 9101 and 3202 (a replay re-issues the same number).
     */
    public String issuedNo;
    /** A short answer code: 3201 {@code stmt_rslt} ("0" balanced, "1", "2", "3"); null otherwise. */
    public String answerCode;
    /**
     * A text the answer carries: 3201 {@code stmt_rslt_dscr}, 3202 the result file's
     * {@code filename}, 5203 the settlement's {@code medins_setl_id} (its msgid); null otherwise.
     */
    public String answerText;
    /**
     * 9102: the raw bytes of the file downloaded (the reply is these bytes, not JSON); null
     * otherwise. 9102 is a query and never journaled, so a ledger need not store it.
     */
    public byte[] answerBytes;

    /** Resets every field (keeps the explain buffer's capacity, emptied). */
    public void clear()
    {
        error = ErrorCode.NONE;
        errorMessage = null;
        setlId = null;
        mdtrtId = null;
        origSetlId = null;
        refVersion = null;
        setlDay = 0;
        setlTime = 0;
        sign = 0;
        psnNo = null;
        psnName = null;
        psnCertType = null;
        certno = null;
        gend = null;
        naty = null;
        brdy = null;
        insutype = null;
        psnType = null;
        cvlservFlag = null;
        mdtrtCertType = null;
        medType = null;
        insuplcAdmdvs = null;
        clrOptins = null;
        clrType = null;
        clrWay = null;
        benefitClass = -1;
        hospLv = 0;
        crossRegion = false;
        issuedNo = null;
        answerCode = null;
        answerText = null;
        answerBytes = null;
        clearAmounts();
        if (explain != null)
        {
            explain.setLength(0);
        }
    }

    /** Resets every amount, row and effect (used before a fresh computation). */
    public void clearAmounts()
    {
        medfeeSumamt = 0;
        fulamtOwnpayAmt = 0;
        overlmtSelfpay = 0;
        preselfpayAmt = 0;
        inscpScpAmt = 0;
        actPayDedc = 0;
        hifpPay = 0;
        poolRatioBp = 0;
        hifobPay = 0;
        hifmiPay = 0;
        cvlservPay = 0;
        mafPay = 0;
        othPay = 0;
        fundPaySumamt = 0;
        psnPartAmt = 0;
        acctPay = 0;
        acctMulaidPay = 0;
        psnCashPay = 0;
        hospPartAmt = 0;
        balc = 0;
        fundRowCount = 0;
        accYear = 0;
        dedClass = -1;
        dedUsed = 0;
        poolGroup = -1;
        poolPaid = 0;
        largePaid = 0;
        seriousBase = 0;
        seriousPaid = 0;
        civilPaid = 0;
        assistDedUsed = 0;
        assistPaid = 0;
        nFundCount = 0;
        mulaidHolderPsnNo = null;
    }

    /**
     * Appends a setldetail row.
     *
     * @param type     fund_pay_type code.
     * @param name     fund_pay_type_name.
     * @param payamt   fund_payamt in fen.
     * @param inscp    the in-policy amount the row relates to.
     * @param crtPaybLmt what the fund could still pay (fen), or -1.
     */
    public void addFundRow(final String type, final String name, final long payamt, final long inscp, final long crtPaybLmt)
    {
        final int i = fundRowCount++;
        fundPayType[i] = type;
        fundPayTypeName[i] = name;
        fundPayamt[i] = payamt;
        fundInscpAmt[i] = inscp;
        fundCrtPaybLmt[i] = crtPaybLmt;
    }

    /** @return true when the request succeeded. */
    public boolean ok()
    {
        return error == ErrorCode.NONE;
    }

    /**
     * Sets a refusal.
     *
     * @param code    the error code.
     * @param message the cashier message (without the code prefix).
     */
    public void refuse(final ErrorCode code, final String message)
    {
        error = code;
        errorMessage = message;
    }
}
